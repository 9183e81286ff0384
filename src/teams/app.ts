import { ActivityTypes, INVOKE_RESPONSE_KEY, TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { accessFor } from '../domain/access';
import { Locale, localeFromTag } from '../domain/locale';
import { t } from '../i18n';
import { Command, parseCommand } from '../i18n/commandWords';
import { botWasAdded, isChannel, isPersonalChat, personOf, seenUserOf, teamsLocaleOf, tenantAllowed, tenantOf } from './activityInfo';
import { AppDeps } from './deps';
import { errorText } from './errorText';
import { answerUnknown, helpCard, showHelp } from './handlers/help';
import { postSetupCard, setupCreate, setupLink } from './handlers/setup';
import { showWhoAmI } from './handlers/whoami';
import { showIdeaForm, submitIdeaForm } from './handlers/ideaForm';
import { joinSimilar, openSimilar } from './handlers/similarIdeas';
import { answerAsStakeholder, saveStakeholders, showStakeholdersForm } from './handlers/stakeholders';
import { adoptPractice, answerWhereElse, dismissPractice } from './handlers/whereElse';
import { IDEA_CHANGE_VERBS, changeIdea, commentOnIdea, openIdea } from './handlers/ideaItem';
import { boardClosed, boardShow, myItemsShow, showBoard, showMyItems } from './handlers/board';
import { SAVE_AS_IDEA, openSaveAsIdea, submitSaveAsIdea } from './handlers/messageAction';
import { BENEFIT_DECISION_VERBS, decideBenefit, openBenefitForm, refreshBenefit, registerBenefit } from './handlers/benefits';
import { ledgerExport, ledgerShow, showLedger } from './handlers/ledger';
import { setReminders } from './handlers/reminders';
import { approvalsShow, showApprovals } from './handlers/approvals';
import { digestShow, showDigest } from './handlers/digest';
import { refreshPipelineStatus, sendNowFromStatus, showPipelineStatus } from './handlers/pipelineStatus';
import { REMINDER_VERBS, reminderHandler } from './handlers/reminderCard';
import { meetingLog, meetingLogForm, meetingShow } from './handlers/meeting';
import { scheduleForm, scheduleSave, showSchedule } from './handlers/schedule';
import { reportForm, reportShow, showReportForm } from './handlers/reports';
import { revisionSave, revisionShow, showRevision } from './handlers/revision';
import { fishboneAdd, fishboneConclude, fishboneConcludeForm, fishboneOpen, fishboneShow, fishboneStart, showFishbone } from './handlers/fishbone';
import { goalsClose, goalsForm, goalsSave, goalsShow, showGoals } from './handlers/goals';
import { answerInteractor } from './invokeAnswer';
import { logRefusal } from './refusals';
import { replaceCardForEveryone, sendCard } from './replies';
import { knownTurnInfo, setTurnInfo, turnInfo } from './turn';

type Handler = (context: TurnContext) => Promise<void>;

const isCommand = (command: Command) => async (context: TurnContext) =>
  context.activity.type === ActivityTypes.Message && parseCommand(context.activity.text ?? '')?.command === command;

/**
 * The Teams bot: one teams-ai Application with a route per command word and card verb. Handlers
 * stay thin: read the activity, call a service, render a card.
 */
export function createApp(deps: AppDeps, adapter: TeamsAdapter = new TeamsAdapter()): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter,
    removeRecipientMention: true,
    // Typing indicators would be noise for card actions and extra traffic against Teams' rate limits.
    startTypingTimer: false,
    longRunningMessages: false,
  });
  // teams-ai 1.7.4 starts its typing timer in run() whatever `startTypingTimer` says, on a timer
  // shared by all concurrent turns; with slow storage one chat got 59 typing indicators.
  app.startTypingTimer = () => undefined;

  app.turn('beforeTurn', async (context) => {
    // The HTTP edge refuses other tenants after authentication; this keeps the rule for any other way in.
    const tenant = tenantOf(context.activity);
    if (!tenantAllowed(deps.allowedTenantIds, tenant)) {
      deps.logger.warn({ tenant, type: context.activity.type }, 'activity from a tenant that is not allowed; ignored');
      return false;
    }
    const org = await deps.services.directory.snapshot();
    const person = personOf(context.activity);
    const teamsLocale = teamsLocaleOf(context.activity);
    const stored = person && !teamsLocale ? await deps.services.people.get(person.aadObjectId).catch(() => undefined) : undefined;
    const locale = teamsLocale ?? stored?.locale ?? localeFromTag(undefined, org.settings.language);
    setTurnInfo(context, { locale, org, ...(person ? { person, access: accessFor(person, org) } : {}) });
    const seen = seenUserOf(context.activity, teamsLocale);
    if (seen) {
      await deps.services.people.remember(seen, () => deps.teams.senderUpn(context)).catch((error: unknown) => {
        // Remembering a reference must never block the user's request.
        deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not remember user');
      });
      // A newly learned alias may give this person roles: use the fresh structure for this turn.
      const fresh = await deps.services.directory.snapshot();
      if (fresh !== org && person) setTurnInfo(context, { locale, org: fresh, person, access: accessFor(person, fresh) });
    }
    // Any activity teaches its tenant's service URL (to reach people never seen), and its sender is reachable again.
    await deps.services.reach.noteActivity({ tenantId: tenant, serviceUrl: context.activity.serviceUrl, aadObjectId: person?.aadObjectId }).catch((error: unknown) => {
      deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not note how to reach this tenant and person');
    });
    return true;
  });

  // A personal install is greeted on installationUpdate: unlike the conversationUpdate Teams
  // sends at the same moment, it carries the user's locale, so the greeting is in their language.
  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    if (context.activity.action !== 'add' || !isPersonalChat(context.activity)) return;
    const { locale } = turnInfo(context);
    await context.sendActivity(t(locale, 'setup.welcomeChat'));
    await sendCard(context, helpCard(locale));
  });

  app.conversationUpdate('membersAdded', async (context) => {
    if (!botWasAdded(context) || isPersonalChat(context.activity)) return;
    if (isChannel(context.activity)) return postSetupCard(context);
    await sendCard(context, helpCard(turnInfo(context).locale));
  });

  const commands: [Command, Handler][] = [
    ['help', showHelp],
    ['status', (context) => showPipelineStatus(context, deps)],
    ['whoami', showWhoAmI],
    ['setup', async (context) => (isChannel(context.activity) ? postSetupCard(context) : showHelp(context))],
    ['idea', (context) => showIdeaForm(context, deps)],
    ['board', (context) => showBoard(context, deps)],
    ['mine', (context) => showMyItems(context, deps)],
    ['benefits', (context) => showLedger(context, deps)],
    ['approvals', (context) => showApprovals(context, deps)],
    ['digest', (context) => showDigest(context, deps)],
    ['stopReminders', (context) => setReminders(context, deps, false)],
    ['startReminders', (context) => setReminders(context, deps, true)],
    ['schedule', (context) => showSchedule(context, deps)],
    ['report', (context) => showReportForm(context, deps)],
    ['revision', (context) => showRevision(context, deps)],
    ['fishbone', (context) => showFishbone(context, deps)],
    ['goals', (context) => showGoals(context, deps)],
  ];
  for (const [command, handler] of commands) app.message(isCommand(command), guarded(deps, handler));

  app.adaptiveCards.actionExecute('setup.link', setupLink(deps));
  app.adaptiveCards.actionExecute('setup.create', setupCreate(deps));

  app.adaptiveCards.actionExecute('idea.submit', async (context, _state, data: unknown) => {
    const outcome = await submitIdeaForm(context, deps, data);
    if (outcome.ok && outcome.shared) await replaceCardForEveryone(context, outcome.shared);
    return answerInteractor(context, outcome.card);
  });
  app.adaptiveCards.actionExecute(['idea.open', 'idea.refresh'], openIdea(deps));
  app.adaptiveCards.actionExecute('similar.open', openSimilar(deps));
  app.adaptiveCards.actionExecute('similar.join', joinSimilar(deps));
  app.adaptiveCards.actionExecute('stakeholders.form', showStakeholdersForm(deps));
  app.adaptiveCards.actionExecute('stakeholders.save', saveStakeholders(deps));
  app.adaptiveCards.actionExecute('stakeholder.answer', answerAsStakeholder(deps));
  app.adaptiveCards.actionExecute('whereElse.yes', answerWhereElse(deps, true));
  app.adaptiveCards.actionExecute('whereElse.no', answerWhereElse(deps, false));
  app.adaptiveCards.actionExecute('tried.adopt', adoptPractice(deps));
  app.adaptiveCards.actionExecute('tried.dismiss', dismissPractice(deps));
  for (const change of IDEA_CHANGE_VERBS) app.adaptiveCards.actionExecute(change.verb, changeIdea(deps, change));
  app.adaptiveCards.actionExecute('idea.comment', commentOnIdea(deps));
  app.adaptiveCards.actionExecute('board.show', boardShow(deps));
  app.adaptiveCards.actionExecute('board.closed', boardClosed(deps));
  app.adaptiveCards.actionExecute('mine.show', myItemsShow(deps));
  app.messageExtensions.fetchTask(SAVE_AS_IDEA, openSaveAsIdea(deps));
  app.messageExtensions.submitAction(SAVE_AS_IDEA, submitSaveAsIdea(deps));
  app.adaptiveCards.actionExecute('benefit.form', openBenefitForm(deps));
  app.adaptiveCards.actionExecute('benefit.register', registerBenefit(deps));
  app.adaptiveCards.actionExecute('benefit.refresh', refreshBenefit(deps));
  for (const [verb, outcome] of BENEFIT_DECISION_VERBS) app.adaptiveCards.actionExecute(verb, decideBenefit(deps, outcome));
  app.adaptiveCards.actionExecute('benefit.ledger', ledgerShow(deps));
  app.adaptiveCards.actionExecute('benefit.export', ledgerExport(deps));
  app.adaptiveCards.actionExecute('approvals.show', approvalsShow(deps));
  app.adaptiveCards.actionExecute('digest.show', digestShow(deps));
  app.adaptiveCards.actionExecute('schedule.form', scheduleForm(deps));
  app.adaptiveCards.actionExecute('schedule.save', scheduleSave(deps));
  app.adaptiveCards.actionExecute('meeting.logForm', meetingLogForm(deps));
  app.adaptiveCards.actionExecute('meeting.log', meetingLog(deps));
  app.adaptiveCards.actionExecute('meeting.show', meetingShow(deps));
  app.adaptiveCards.actionExecute('report.form', reportForm(deps));
  app.adaptiveCards.actionExecute('report.show', reportShow(deps));
  app.adaptiveCards.actionExecute('revision.show', revisionShow(deps));
  app.adaptiveCards.actionExecute('revision.save', revisionSave(deps));
  app.adaptiveCards.actionExecute('fishbone.open', fishboneOpen(deps));
  app.adaptiveCards.actionExecute('fishbone.start', fishboneStart(deps));
  app.adaptiveCards.actionExecute('fishbone.show', fishboneShow(deps));
  app.adaptiveCards.actionExecute('fishbone.add', fishboneAdd(deps));
  app.adaptiveCards.actionExecute('fishbone.concludeForm', fishboneConcludeForm(deps));
  app.adaptiveCards.actionExecute('fishbone.conclude', fishboneConclude(deps));
  app.adaptiveCards.actionExecute('goals.show', goalsShow(deps));
  app.adaptiveCards.actionExecute('goals.form', goalsForm(deps));
  app.adaptiveCards.actionExecute('goals.save', goalsSave(deps));
  app.adaptiveCards.actionExecute('goals.close', goalsClose(deps));

  app.adaptiveCards.actionExecute('pipeline.status', refreshPipelineStatus(deps));
  app.adaptiveCards.actionExecute('pipeline.sendPrompt', sendNowFromStatus(deps, 'prompt'));
  app.adaptiveCards.actionExecute('pipeline.sendReminders', sendNowFromStatus(deps, 'reminder'));
  for (const [verb, action] of REMINDER_VERBS) app.adaptiveCards.actionExecute(verb, reminderHandler(deps, action));

  // Registered last: specific routes win.
  app.activity(ActivityTypes.Message, guarded(deps, answerUnknown));

  // Reached when a turn fails before a handler could answer, e.g. storage is down in beforeTurn.
  app.error(async (context, error) => {
    logRefusal(deps.logger, context.activity.type, error);
    const text = errorText(knownTurnInfo(context)?.locale ?? teamsLocaleOf(context.activity) ?? 'en', error);
    if (context.activity.type === ActivityTypes.Invoke) {
      // Teams shows a message-type invoke response under the card instead of a generic failure.
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } } }).catch(() => undefined);
    } else if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity(text).catch(() => undefined);
    }
  });

  return app;
}

/**
 * What the adapter runs for each turn: the Application, then an answer for any invoke it left
 * unanswered. Without one botbuilder answers 501, and the person who pressed a card from an
 * older version of Tavla (or a verb that no longer exists) sees a bare failure.
 */
export function turnLogic(app: Application<TurnState>): (context: TurnContext) => Promise<void> {
  return async (context) => {
    await app.run(context);
    if (context.activity.type !== ActivityTypes.Invoke || context.turnState.get(INVOKE_RESPONSE_KEY)) return;
    const locale = knownTurnInfo(context)?.locale ?? teamsLocaleOf(context.activity) ?? 'en';
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: unansweredInvoke(context.activity.name, locale) });
  };
}

/** The documented answer for each kind of invoke: a card for card actions, a message for dialogs. */
function unansweredInvoke(name: string | undefined, locale: Locale): { status: number; body?: unknown } {
  const text = t(locale, 'error.unknownAction');
  switch (name) {
    case 'adaptiveCard/action':
      return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: helpCard(locale, text) } };
    case 'task/fetch':
    case 'task/submit':
    case 'composeExtension/fetchTask':
    case 'composeExtension/submitAction':
      return { status: 200, body: { task: { type: 'message', value: text } } };
    default:
      // Other invokes (search, link unfurling, tab fetches) are features Tavla does not offer: nothing to show.
      return { status: 200 };
  }
}

/** Message handlers answer a refusal or outage in the user's language instead of failing the turn. */
function guarded(deps: AppDeps, handler: Handler): Handler {
  return async (context) => {
    try {
      await handler(context);
    } catch (error) {
      logRefusal(deps.logger, context.activity.type, error);
      await context.sendActivity(errorText(turnInfo(context).locale, error));
    }
  };
}
