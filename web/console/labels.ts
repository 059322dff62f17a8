/** Translated names of engine vocabulary (step ids, stages, roles, channels), with the raw id as fallback. */
import type { TFunction } from 'i18next';

/** A step id such as `offer.confirmation_call` reads as nested keys (`step.offer.confirmation_call`). */
export const stepName = (t: TFunction, stepId: string): string => t(`step.${stepId}`, { defaultValue: stepId });
export const stageName = (t: TFunction, stage: string): string => t(`stage.${stage}`, { defaultValue: stage });
export const roleName = (t: TFunction, role: string): string => t(`role.${role}`, { defaultValue: role });
export const channelName = (t: TFunction, channel: string): string => t(`channel.${channel}`, { defaultValue: channel });
export const actionName = (t: TFunction, action: string): string => t(`action.${action}`, { defaultValue: action });
