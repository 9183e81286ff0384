import { TurnContext } from 'botbuilder';
import { TaskModuleTaskInfo } from 'botbuilder';
import { AdaptiveCardJson } from '../../cards/renderer';
import { TEXT_LIMITS } from '../../domain/text';
import { t } from '../../i18n';
import { AppDeps } from '../deps';
import { plainText, titleFrom } from '../messageText';
import { actor } from '../turn';
import { buildIdeaForm, formSetting, submitIdeaForm } from './ideaForm';

/** The message-extension command in appPackage/manifest.json: "Save as improvement idea". */
export const SAVE_AS_IDEA = 'saveAsIdea';

interface MessagePayload {
  readonly body?: { readonly content?: string; readonly contentType?: string };
  readonly linkToMessage?: string;
}

function dialog(title: string, card: AdaptiveCardJson): TaskModuleTaskInfo {
  return { title, width: 'medium', height: 'large', card: { contentType: 'application/vnd.microsoft.card.adaptive', content: card } };
}

/** Opens the idea form in a Teams dialog, prefilled from the message and linking back to it. */
export function openSaveAsIdea(deps: AppDeps) {
  return async (context: TurnContext): Promise<TaskModuleTaskInfo | string> => {
    const { locale } = actor(context);
    const setting = await formSetting(context, deps);
    if (!setting.units.length) return t(locale, 'ideaForm.noUnit');
    const payload = (context.activity.value as { messagePayload?: MessagePayload } | undefined)?.messagePayload ?? {};
    const content = payload.body?.content ?? '';
    const text = payload.body?.contentType === 'text' ? content.trim() : plainText(content);
    const sourceUrl = payload.linkToMessage?.startsWith('https://') ? payload.linkToMessage : '';
    const values = {
      title: titleFrom(text, TEXT_LIMITS.title),
      situation: [...text].slice(0, TEXT_LIMITS.longText).join(''),
      sourceUrl,
    };
    return dialog(t(locale, 'ideaForm.title'), buildIdeaForm(context, deps, setting, { values, inDialog: true }));
  };
}

/** The dialog's submit: thanks (the dialog closes with the message), or the form again with its problems. */
export function submitSaveAsIdea(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, data: Record<string, unknown>): Promise<TaskModuleTaskInfo | string> => {
    const { locale } = actor(context);
    const outcome = await submitIdeaForm(context, deps, data, true);
    if (!outcome.ok) return dialog(t(locale, 'ideaForm.title'), outcome.card);
    return outcome.confirmation;
  };
}
