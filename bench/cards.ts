/** Cards shaped and sized like Tavla's: a board-meeting agenda (~20 KB) and an overdue reminder (~4 KB). */

const item = (unit: number, n: number) => ({
  type: 'Container',
  separator: true,
  items: [
    { type: 'TextBlock', text: `U${unit}-${n} · Færre avbrudd i medisinrommet ved vaktskifte (${n})`, weight: 'Bolder', wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Eier', value: `Kari Nordmann ${n}` },
        { title: 'Frist', value: '2026-11-30' },
        { title: 'Status', value: 'Pågår' },
      ],
    },
    {
      type: 'ActionSet',
      actions: [
        { type: 'Action.Execute', title: 'Ferdig', verb: 'board.done', data: { unit: `unit-${unit}`, idea: n } },
        { type: 'Action.Execute', title: 'Ny frist', verb: 'board.due', data: { unit: `unit-${unit}`, idea: n } },
      ],
    },
  ],
});

export function agendaCard(unit: number): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: `Tavlemøte – enhet ${unit}`, size: 'Large', weight: 'Bolder' },
      { type: 'TextBlock', text: 'Forfalte tiltak, nye ideer siden sist, pågående arbeid og gevinster som mangler.', wrap: true },
      ...Array.from({ length: 36 }, (_, n) => item(unit, n + 1)),
    ],
    actions: [{ type: 'Action.Execute', title: 'Logg møtet', verb: 'meeting.log', data: { unit: `unit-${unit}` } }],
  };
}

export function reminderCard(person: number): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Du har tiltak som har passert fristen', size: 'Medium', weight: 'Bolder', wrap: true },
      ...Array.from({ length: 6 }, (_, n) => item(person % 50, n + 1)),
    ],
    actions: [{ type: 'Action.Execute', title: 'Utsett en uke', verb: 'reminder.snooze', data: { person } }],
  };
}

/** A channel notification (an idea submitted, a decision made), about 1.5 KB. */
export function notificationCard(conversation: number, n: number): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Ny forbedringsidé', size: 'Medium', weight: 'Bolder', wrap: true },
      ...item(conversation % 50, n).items,
    ],
    actions: [{ type: 'Action.Execute', title: 'Åpne', verb: 'idea.open', data: { unit: `unit-${conversation}`, idea: n } }],
  };
}
