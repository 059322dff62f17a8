export * from './score-risk.js';
