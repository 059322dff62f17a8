/**
 * A quiet tag: dark text on a pale tint, so every tone passes WCAG AA contrast (antd's
 * preset green/orange/gold tags do not).
 */
import { Tag } from 'antd';
import type { ReactNode } from 'react';

export type Tone = 'success' | 'info' | 'warning' | 'danger' | 'neutral' | 'muted' | 'teal';

const TONES: Record<Tone, { color: string; background: string; borderColor: string }> = {
  success: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  info: { color: '#10239e', background: '#f0f5ff', borderColor: '#adc6ff' },
  warning: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  danger: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  neutral: { color: 'rgba(0, 0, 0, 0.85)', background: '#fafafa', borderColor: '#d9d9d9' },
  muted: { color: 'rgba(0, 0, 0, 0.65)', background: '#f5f5f5', borderColor: '#e8e8e8' },
  teal: { color: '#00474f', background: '#e6fffb', borderColor: '#87e8de' },
};

export function ToneTag({ tone, icon, children, testId }: { tone: Tone; icon?: ReactNode; children: ReactNode; testId?: string }) {
  return <Tag icon={icon} style={{ ...TONES[tone], marginInlineEnd: 0 }} data-testid={testId}>{children}</Tag>;
}
