/** The sign-in page. Registered by the modules that show them (locales/registry.ts). */
import { registerTexts } from './registry.js';

const enUS = {
  login: {
    title: 'Sign in to Preboard',
    subtitle: 'Keep every new hire on track until their first day.',
    email: 'Work email',
    password: 'Password',
    submit: 'Sign in',
    emailRequired: 'Enter your work email',
    emailInvalid: 'Enter a valid email address',
    passwordRequired: 'Enter your password',
    failed: 'Sign-in failed',
    invalidCredentials: 'Email or password is incorrect.',
    rateLimited: 'Too many attempts. Wait a minute and try again.',
  },
};

const zhCN: typeof enUS = {
  login: {
    title: '登录 Preboard',
    subtitle: '跟进每一位新人，直到顺利入职。',
    email: '工作邮箱',
    password: '密码',
    submit: '登录',
    emailRequired: '请输入工作邮箱',
    emailInvalid: '请输入有效的邮箱地址',
    passwordRequired: '请输入密码',
    failed: '登录失败',
    invalidCredentials: '邮箱或密码不正确。',
    rateLimited: '尝试次数过多，请一分钟后再试。',
  },
};

export const loginTexts = registerTexts({ 'en-US': enUS, 'zh-CN': zhCN });
