/**
 * The candidate's portal questions with the answers given; HR, HRBP and org admins answer
 * here (the answer shows in the portal, completes the question's task and notifies the
 * candidate). Candidate text is rendered as text by React.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TStaffQuestions } from '../../../src/contracts/portal-extras.js';
import { ApiError, request } from '../../lib/api.js';
import { formatDateTime } from '../format.js';
import { usePermissions } from '../session.js';

type Question = TStaffQuestions['items'][number];
const ANSWER_MAX = 4000;

const WORDS = {
  'zh-CN': {
    title: '门户提问', none: '候选人还没有在门户提问。', answer: '回复', answerTitle: '回复候选人的问题', answerLabel: '回复内容',
    answerHint: '候选人会在门户里看到回复，并收到邮件或短信提醒。', send: '发送回复', cancel: '取消', sent: '回复已发送', open: '待回复', answered: '已回复',
    required: '请填写回复内容', by: (n: string | null) => (n ? `${n} 回复` : '回复'),
  },
  'en-US': {
    title: 'Portal questions', none: 'The candidate has not asked anything in the portal yet.', answer: 'Answer', answerTitle: 'Answer the candidate’s question', answerLabel: 'Your answer',
    answerHint: 'The candidate sees it in the portal and gets an email or SMS notice.', send: 'Send answer', cancel: 'Cancel', sent: 'Answer sent', open: 'Awaiting answer', answered: 'Answered',
    required: 'Please write the answer', by: (n: string | null) => (n ? `Answer by ${n}` : 'Answer'),
  },
};
type Words = (typeof WORDS)['zh-CN'];

function AnswerModal({ candidateId, question, w, onClose }: { candidateId: string; question: Question | null; w: Words; onClose: () => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ text: string }>();
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (text: string) => request('POST', `/candidates/${encodeURIComponent(candidateId)}/questions/${encodeURIComponent(question!.id)}/answer`, { text }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['portal-questions', candidateId] });
      void client.invalidateQueries({ queryKey: ['timeline', candidateId] });
      void client.invalidateQueries({ queryKey: ['tasks'] });
      void message.success(w.sent);
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.field === 'text') form.setFields([{ name: 'text', errors: [err.message] }]);
      else setError(err instanceof ApiError ? err.message : String(err));
    },
  });
  if (!question) return null;
  return (
    <Modal open title={w.answerTitle} onCancel={onClose} onOk={() => form.submit()} okText={w.send} cancelText={w.cancel} confirmLoading={send.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{question.text}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => { setError(null); send.mutate(v.text.trim()); }}>
        <Form.Item name="text" label={w.answerLabel} extra={w.answerHint} rules={[{ required: true, whitespace: true, message: w.required }]}>
          <Input.TextArea rows={5} maxLength={ANSWER_MAX} showCount data-testid="answer-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PortalQuestionsCard({ candidateId }: { candidateId: string }) {
  const { i18n } = useTranslation();
  const can = usePermissions();
  const w = WORDS[i18n.language === 'en-US' ? 'en-US' : 'zh-CN'];
  const [answering, setAnswering] = useState<Question | null>(null);
  const questions = useQuery({
    queryKey: ['portal-questions', candidateId], enabled: can('timeline.read'),
    queryFn: () => request<TStaffQuestions>('GET', `/candidates/${encodeURIComponent(candidateId)}/questions`),
  });
  if (!can('timeline.read')) return null;
  const items = questions.data?.items ?? [];
  return (
    <Card title={w.title} variant="borderless" loading={questions.isPending} data-testid="portal-questions">
      {questions.isError && <Alert type="error" showIcon title={String(questions.error)} />}
      {questions.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={w.none} />}
      {items.length > 0 && (
        <List
          dataSource={items}
          renderItem={(q) => (
            <List.Item
              actions={can('question.answer') ? [<Button key="answer" size="small" onClick={() => setAnswering(q)}>{w.answer}</Button>] : []}
            >
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  <Tag>{q.answers.length ? w.answered : w.open}</Tag>
                  <Typography.Text type="secondary">{formatDateTime(q.at, i18n.language)}</Typography.Text>
                </Space>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{q.text}</Typography.Paragraph>
                {q.answers.map((a) => (
                  <div key={a.id} style={{ borderLeft: '3px solid #1451b8', paddingLeft: 8 }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{w.by(a.author)} · {formatDateTime(a.at, i18n.language)}</Typography.Text>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.text}</Typography.Paragraph>
                  </div>
                ))}
              </Space>
            </List.Item>
          )}
        />
      )}
      <AnswerModal candidateId={candidateId} question={answering} w={w} onClose={() => setAnswering(null)} />
    </Card>
  );
}
