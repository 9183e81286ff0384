import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_ORGANISATION, MAX_PEOPLE_PER_UNIT, OrganisationSnapshot, Unit } from '../../src/domain/organisation';
import { PersonRef } from '../../src/domain/people';
import { OrganisationImport } from '../../src/ports/organisationRepository';
import { FileProblem, OrganisationFileFormat, ParseResult, formatOrganisationFile, parseOrganisationFile } from '../../src/services/organisationFile';

const upn = (value: string): PersonRef => ({ kind: 'upn', upn: value });
const GUID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';

const EMPTY: OrganisationSnapshot = { settings: DEFAULT_ORGANISATION, serviceAreas: [], units: [], roleAssignments: [], aliases: new Map() };

const storedUnit = (unit: Partial<Unit> & Pick<Unit, 'id' | 'code'>): Unit => ({
  name: unit.id,
  serviceAreaId: 'helse-omsorg',
  leaders: [],
  members: [],
  ...unit,
});

/** One stored area with one unit that has members and a channel, as after a Teams set-up. */
const STORED: OrganisationSnapshot = {
  ...EMPTY,
  serviceAreas: [{ id: 'helse-omsorg', name: 'Helse og omsorg', leaders: [upn('tol@kommune.no')] }],
  units: [
    storedUnit({
      id: 'sykehjem-a',
      code: 'U1',
      name: 'Sykehjem A',
      leaders: [upn('old.leader@kommune.no')],
      members: [upn('kari@kommune.no')],
      headcount: 30,
      channel: { conversationId: '19:abc@thread.tacv2', teamId: '19:team', tenantId: 'tenant', serviceUrl: 'https://smba.example/' },
    }),
    storedUnit({ id: 'legevakt', code: 'LV', name: 'Legevakt' }),
  ],
};

/** Joins lines, so a test can count them: the first element is line 1. */
const file = (...lines: string[]): string => `${lines.join('\n')}\n`;

function parsed(text: string, format: OrganisationFileFormat, current: OrganisationSnapshot = EMPTY): Extract<ParseResult, { ok: true }> {
  const result = parseOrganisationFile(text, format, current);
  assert.ok(result.ok, `expected no problems, got ${JSON.stringify(!result.ok && result.problems, null, 2)}`);
  return result;
}

function problemsOf(text: string, format: OrganisationFileFormat, current: OrganisationSnapshot = EMPTY): readonly FileProblem[] {
  const result = parseOrganisationFile(text, format, current);
  assert.ok(!result.ok, 'expected problems, but the file parsed');
  return result.problems;
}

function assertOneProblem(problems: readonly FileProblem[], line: number, pattern: RegExp): void {
  assert.equal(problems.length, 1, `expected one problem, got ${JSON.stringify(problems, null, 2)}`);
  assert.equal(problems[0].line, line, `wrong line for ${JSON.stringify(problems[0])}`);
  assert.match(problems[0].message, pattern);
}

/** A minimal valid YAML file around one unit, so a case changes just the line it is about. */
const unitYaml = (...unitLines: string[]): string =>
  file(
    'serviceAreas:', //                 1
    '  - id: helse-omsorg', //          2
    '    name: Helse og omsorg', //     3
    '    units:', //                    4
    '      - id: sykehjem-b', //        5
    ...unitLines.map((line) => `        ${line}`), // 6...
  );

const CSV_HEADER = 'service_area_id,service_area_name,service_area_leaders,unit_id,unit_code,unit_name,unit_leaders,headcount';

describe('organisation file', () => {
  describe('YAML', () => {
    it('reads settings, roles, service areas and units into an import', () => {
      const { data, summary } = parsed(
        file(
          'organisation:',
          '  name: Vestre Toten kommune',
          '  language: nb',
          '  timeZone: europe/oslo',
          '  country: NO',
          '  currency: NOK',
          '  hoursPerFte: 1700',
          '  followUpMonths: [6, 3, 3]',
          '  benefitCategories:',
          '    - quality',
          '    - time',
          '    - id: fuel',
          '      measure: quantity',
          '      unit: liter',
          '      names: { nb: Drivstoff, da: Brændstof, en: Fuel }',
          'administrators: [Admin@Kommune.no]',
          'coaches: []',
          'serviceAreas:',
          '  - id: helse-omsorg',
          '    name: "  Helse og omsorg "',
          '    leaders: [tol.helse@kommune.no]',
          '    units:',
          '      - id: sykehjem-a',
          '        code: SA',
          '        name: Sykehjem A',
          `        leaders: [leder.a@kommune.no, ${GUID.toUpperCase()}]`,
          '        members: []',
          '        headcount: 35',
          '      - id: sykehjem-b',
          '        name: Sykehjem B',
        ),
        'yaml',
      );
      const expected: OrganisationImport = {
        settings: {
          name: 'Vestre Toten kommune',
          language: 'nb',
          timeZone: 'Europe/Oslo',
          country: 'NO',
          currency: 'NOK',
          hoursPerFte: 1700,
          benefitCategories: [{ id: 'quality', measure: 'quality' }, { id: 'time', measure: 'hours' }, { id: 'fuel', names: { nb: 'Drivstoff', da: 'Brændstof', en: 'Fuel' }, measure: 'quantity', unit: 'liter' }],
          followUpMonths: [3, 6],
        },
        serviceAreas: [{ id: 'helse-omsorg', name: 'Helse og omsorg', leaders: [upn('tol.helse@kommune.no')] }],
        units: [
          {
            id: 'sykehjem-a',
            code: 'SA',
            name: 'Sykehjem A',
            serviceAreaId: 'helse-omsorg',
            leaders: [upn('leder.a@kommune.no'), { kind: 'aad', id: GUID }],
            members: [],
            headcount: 35,
          },
          { id: 'sykehjem-b', code: 'U1', name: 'Sykehjem B', serviceAreaId: 'helse-omsorg', leaders: [] },
        ],
        roleAssignments: [
          { role: 'administrator', people: [upn('admin@kommune.no')] },
          { role: 'coach', people: [] },
        ],
      };
      assert.deepEqual(data, expected);
      assert.deepEqual(summary, {
        serviceAreas: { created: 1, updated: 0, unchanged: 0 },
        units: { created: 2, updated: 0, unchanged: 0 },
        settingsChanged: true,
        roles: { administrator: 1, coach: 0 },
      });
    });

    it('keeps stored values for omitted keys and settings, and leaves roles alone when not listed', () => {
      const { data, summary } = parsed(file('serviceAreas:', '  - id: helse-omsorg', '    units:', '      - id: sykehjem-a', '        leaders: [ny.leder@kommune.no]'), 'yaml', STORED);
      assert.equal(data.settings, undefined);
      assert.equal(data.roleAssignments, undefined);
      assert.deepEqual(data.serviceAreas, STORED.serviceAreas);
      assert.deepEqual(data.units, [
        { id: 'sykehjem-a', code: 'U1', name: 'Sykehjem A', serviceAreaId: 'helse-omsorg', leaders: [upn('ny.leder@kommune.no')], headcount: 30 },
      ]);
      assert.equal('members' in data.units[0], false, 'omitted members must stay undefined, so the stored roster is kept');
      assert.deepEqual(summary.serviceAreas, { created: 0, updated: 0, unchanged: 1 });
      assert.deepEqual(summary.units, { created: 0, updated: 1, unchanged: 0 });
    });

    it('gives a new unit without a code the next code that is neither stored nor in the file', () => {
      const { data } = parsed(
        file(
          'serviceAreas:',
          '  - id: helse-omsorg',
          '    units:',
          '      - { id: ny-a, name: Ny A }',
          '      - { id: ny-b, name: Ny B, code: U2 }',
          '      - { id: ny-c, name: Ny C }',
        ),
        'yaml',
        STORED,
      );
      assert.deepEqual(
        data.units.map((unit) => [unit.id, unit.code]),
        [
          ['ny-a', 'U3'],
          ['ny-b', 'U2'],
          ['ny-c', 'U4'],
        ],
      );
    });

    it('reports a bad leader on its own line, naming the unit, the field and the value', () => {
      const problems = problemsOf(unitYaml('name: Sykehjem B', 'leaders:', '  - leder.b@kommune.no', '  - bob@'), 'yaml');
      assertOneProblem(problems, 9, /^unit "sykehjem-b": leader "bob@" is neither an e-mail\/UPN nor an Entra object id$/);
    });

    const yamlCases: { rule: string; text: string; current?: OrganisationSnapshot; line: number; message: RegExp }[] = [
      { rule: 'a misspelt key', text: unitYaml('name: Sykehjem B', 'leader: [a@kommune.no]'), line: 7, message: /unit "sykehjem-b": unknown key "leader"/ },
      {
        rule: 'a misspelt top-level key',
        text: file('serviceArea:', '  - id: x'),
        line: 1,
        message: /unknown key "serviceArea"; expected one of organisation, administrators, coaches, executives, serviceAreas/,
      },
      { rule: 'an id that is not a slug', text: file('serviceAreas:', '  - id: Helse Omsorg', '    name: Helse'), line: 2, message: /service area id "Helse Omsorg" is not a valid id/ },
      { rule: 'a missing unit id', text: file('serviceAreas:', '  - id: a', '    name: A', '    units:', '      - name: Uten id'), line: 5, message: /unit id is required/ },
      {
        rule: 'a service area listed twice',
        text: file('serviceAreas:', '  - id: a', '    name: A', '  - id: b', '    name: B', '  - id: a', '    name: A2'),
        line: 6,
        message: /service area id "a" is used twice in the file \(first on line 2\)/,
      },
      {
        rule: 'a unit id used in two service areas',
        text: file('serviceAreas:', '  - id: a', '    name: A', '    units: [{ id: u, name: U }]', '  - id: b', '    name: B', '    units:', '      - id: u', '        name: U2'),
        line: 8,
        message: /unit id "u" is used twice in the file \(first on line 4\)/,
      },
      { rule: 'a malformed unit code', text: unitYaml('name: B', 'code: sa'), line: 7, message: /unit "sykehjem-b": code "sa" must be 1-6 capital letters/ },
      {
        rule: 'a unit code given twice',
        text: file('serviceAreas:', '  - id: a', '    name: A', '    units:', '      - { id: u1, name: U1, code: AB }', '      - { id: u2, name: U2, code: AB }'),
        line: 6,
        message: /unit "u2": code "AB" is also given to unit "u1" on line 5/,
      },
      {
        rule: 'a code that belongs to another stored unit',
        text: unitYaml('name: B', 'code: LV'),
        current: STORED,
        line: 7,
        message: /unit "sykehjem-b": code "LV" already belongs to the stored unit "legevakt"/,
      },
      { rule: 'a name over 100 characters', text: unitYaml(`name: ${'x'.repeat(101)}`), line: 6, message: /unit "sykehjem-b": name "x+\.\.\." is 101 characters long; at most 100/ },
      { rule: 'a new unit without a name', text: unitYaml('leaders: []'), line: 5, message: /unit "sykehjem-b" is not stored yet, so the file must give its name/ },
      {
        rule: 'a service area neither stored nor named in the file',
        text: file('serviceAreas:', '  - id: ukjent', '    units: [{ id: u, name: U }]'),
        line: 2,
        message: /service area "ukjent" is not stored yet, so the file must give its name/,
      },
      {
        rule: 'more than 20 leaders',
        text: unitYaml('name: B', `leaders: [${Array.from({ length: 21 }, (_, i) => `l${i}@kommune.no`).join(', ')}]`),
        line: 7,
        message: /unit "sykehjem-b": leaders names 21 people; at most 20 are allowed/,
      },
      {
        rule: 'more members than a unit may have',
        text: unitYaml('name: B', `members: [${Array.from({ length: MAX_PEOPLE_PER_UNIT + 1 }, (_, i) => `m${i}@kommune.no`).join(', ')}]`),
        line: 7,
        message: new RegExp(`members names ${MAX_PEOPLE_PER_UNIT + 1} people; at most ${MAX_PEOPLE_PER_UNIT} are allowed`),
      },
      { rule: 'leaders that are not a list', text: unitYaml('name: B', 'leaders: a@kommune.no'), line: 7, message: /leaders must be a list \(write \[\] for none\)/ },
      { rule: 'a headcount out of range', text: unitYaml('name: B', 'headcount: 10001'), line: 7, message: /headcount "10001" must be a whole number from 0 to 10000/ },
      { rule: 'an unknown time zone', text: file('organisation:', '  name: K', '  timeZone: Europe/Olso'), line: 3, message: /organisation: timeZone "Europe\/Olso" is not an IANA time zone/ },
      { rule: 'an unknown language', text: file('organisation:', '  language: no'), line: 2, message: /language "no" is not one of nb, da, en/ },
      { rule: 'an unknown country', text: file('organisation:', '  country: SE'), line: 2, message: /country "SE" is not one of NO, DK/ },
      { rule: 'an unknown currency', text: file('organisation:', '  currency: USD'), line: 2, message: /currency "USD" is not one of NOK, DKK, EUR, SEK/ },
      { rule: 'hours per FTE out of range', text: file('organisation:', '  hoursPerFte: 800'), line: 2, message: /hoursPerFte "800" must be a number from 1000 to 2500/ },
      {
        rule: 'an own benefit category given as a bare id',
        text: file('organisation:', '  benefitCategories:', '    - quality', '    - fuel'),
        line: 4,
        message: /benefit category "fuel" is not built in/,
      },
      {
        rule: 'a new own benefit category without its measure',
        text: file('organisation:', '  benefitCategories:', '    - id: fuel', '      names: { da: Brændstof }'),
        line: 3,
        message: /benefit category "fuel": an own benefit category needs a measure: hours, money, quantity, quality/,
      },
      {
        rule: 'an unknown measure',
        text: file('organisation:', '  benefitCategories:', '    - id: fuel', '      measure: litres', '      names: { da: Brændstof }'),
        line: 4,
        message: /measure "litres" is not one of hours, money, quantity, quality/,
      },
      {
        rule: 'a unit for a money category',
        text: file('organisation:', '  benefitCategories:', '    - id: indkob', '      measure: money', '      unit: kroner', '      names: { da: Vareindkøb }'),
        line: 5,
        message: /unit is only for a quantity or quality category; "indkob" is measured in money/,
      },
      { rule: 'an invalid person in a role', text: file('coaches:', '  - coach@kommune.no', '  - not-a-person'), line: 3, message: /coaches: entry "not-a-person" is neither an e-mail\/UPN nor an Entra object id/ },
      { rule: 'a YAML syntax error', text: file('serviceAreas:', '  - id: a', '    name: "unclosed', '  - id: b'), line: 5, message: /^YAML syntax: Missing closing "quote/ },
      { rule: 'a key given twice', text: file('serviceAreas:', '  - id: a', '    name: A', '    name: B'), line: 4, message: /^YAML syntax: Map keys must be unique/ },
      { rule: 'an empty file', text: file('# nothing yet'), line: 1, message: /the file is empty/ },
    ];
    for (const { rule, text, current, line, message } of yamlCases) {
      it(`reports ${rule} on line ${line}`, () => assertOneProblem(problemsOf(text, 'yaml', current), line, message));
    }

    it('accepts a unit keeping its own stored code', () => {
      parsed(file('serviceAreas:', '  - id: helse-omsorg', '    units: [{ id: legevakt, code: LV }]'), 'yaml', STORED);
    });

    it('reports every problem in the file at once, in line order', () => {
      const problems = problemsOf(
        file(
          'organisation:', //                       1
          '  timeZone: Mars/Olympus', //            2
          'serviceAreas:', //                       3
          '  - id: a', //                           4
          '    name: A', //                         5
          '    leaders: [tol@]', //                 6
          '    units:', //                          7
          '      - id: u1', //                      8
          '        name: U1', //                    9
          '        headcount: -1', //               10
          '      - id: u1', //                      11
          '        name: U1 again', //              12
          '        membres: []', //                 13
        ),
        'yaml',
      );
      assert.deepEqual(
        problems.map((problem) => problem.line),
        [2, 6, 10, 11, 13],
      );
    });
  });

  describe('CSV', () => {
    it('reads one row per unit into service areas and units', () => {
      const { data, summary } = parsed(
        file(
          CSV_HEADER,
          'drift,Drift,driftschef@example.dk,veje,VEJ,Veje,a@example.dk; B@example.dk ,18',
          `drift,Drift,driftschef@example.dk,parker,,"Parker, grønt",${GUID},`,
        ),
        'csv',
      );
      const expected: OrganisationImport = {
        serviceAreas: [{ id: 'drift', name: 'Drift', leaders: [upn('driftschef@example.dk')] }],
        units: [
          { id: 'veje', code: 'VEJ', name: 'Veje', serviceAreaId: 'drift', leaders: [upn('a@example.dk'), upn('b@example.dk')], headcount: 18 },
          { id: 'parker', code: 'U1', name: 'Parker, grønt', serviceAreaId: 'drift', leaders: [{ kind: 'aad', id: GUID }] },
        ],
      };
      assert.deepEqual(data, expected);
      assert.equal(summary.settingsChanged, false);
      assert.deepEqual(summary.roles, {});
    });

    it('accepts the columns in any order, a byte-order mark and Windows line ends', () => {
      const { data } = parsed(
        '\uFEFFunit_id,unit_name,unit_code,unit_leaders,headcount,service_area_id,service_area_name,service_area_leaders\r\nveje,Veje,,,,drift,Drift,\r\n',
        'csv',
      );
      assert.deepEqual(data.units, [{ id: 'veje', code: 'U1', name: 'Veje', serviceAreaId: 'drift', leaders: [] }]);
    });

    it('keeps a stored unit\'s members, code and headcount when the row leaves them out', () => {
      const { data } = parsed(file(CSV_HEADER, 'helse-omsorg,Helse og omsorg,tol@kommune.no,sykehjem-a,,Sykehjem A,,'), 'csv', STORED);
      assert.deepEqual(data.units, [{ id: 'sykehjem-a', code: 'U1', name: 'Sykehjem A', serviceAreaId: 'helse-omsorg', leaders: [], headcount: 30 }]);
    });

    it('reports a bad row on its physical line, past blank lines and a quoted line break', () => {
      const problems = problemsOf(
        file(
          CSV_HEADER, //                                                             1
          '', //                                                                     2
          'drift,Drift,,veje,,"Veje og', //                                          3
          'plasser",,', //                                                           4
          'drift,Drift,,parker,,Parker,bob@,', //                                    5
        ),
        'csv',
      );
      assertOneProblem(problems, 5, /^unit "parker": unit_leaders "bob@" is neither an e-mail\/UPN nor an Entra object id$/);
    });

    const csvCases: { rule: string; text: string; current?: OrganisationSnapshot; line: number; message: RegExp }[] = [
      {
        rule: 'a row whose service area name disagrees with an earlier row',
        text: file(CSV_HEADER, 'drift,Drift,,veje,,Veje,,', 'drift,Driften,,parker,,Parker,,'),
        line: 3,
        message: /service area "drift": service_area_name "Driften" differs from "Drift" on line 2/,
      },
      {
        rule: 'a row whose service area leaders disagree with an earlier row',
        text: file(CSV_HEADER, 'drift,Drift,a@x.dk,veje,,Veje,,', 'drift,Drift,b@x.dk,parker,,Parker,,'),
        line: 3,
        message: /service_area_leaders "b@x.dk" differs from "a@x.dk" on line 2/,
      },
      { rule: 'a missing column', text: file('service_area_id,service_area_name,unit_id,unit_name', 'a,A,u,U'), line: 1, message: /lacks the columns service_area_leaders, unit_code, unit_leaders, headcount/ },
      { rule: 'semicolons as the column separator', text: file(CSV_HEADER.replace(/,/g, ';'), 'a;A;;u;;U;;'), line: 1, message: /separate the columns with commas/ },
      { rule: 'a row with too few fields', text: file(CSV_HEADER, 'drift,Drift,,veje,,Veje,,', 'drift,Drift,,parker'), line: 3, message: /the row has 4 fields, but the header has 8/ },
      { rule: 'a unit id used twice', text: file(CSV_HEADER, 'a,A,,u,,U,,', 'b,B,,u,,U,,'), line: 3, message: /unit id "u" is used twice in the file \(first on line 2\)/ },
      { rule: 'an empty unit name', text: file(CSV_HEADER, 'a,A,,u,,  ,,'), line: 2, message: /unit "u": unit_name is required/ },
      { rule: 'a headcount that is not a number', text: file(CSV_HEADER, 'a,A,,u,,U,,mange'), line: 2, message: /headcount "mange" must be a whole number/ },
      { rule: 'a code of another stored unit', text: file(CSV_HEADER, 'a,A,,u,U1,U,,'), current: STORED, line: 2, message: /code "U1" already belongs to the stored unit "sykehjem-a"/ },
      { rule: 'an unclosed quote (where it opens)', text: file(CSV_HEADER, 'a,A,,u,,U,,', 'b,B,,v,,"V,,', 'c,C,,w,,W,,'), line: 3, message: /^CSV syntax: Quote Not Closed/ },
    ];
    for (const { rule, text, current, line, message } of csvCases) {
      it(`reports ${rule} on line ${line}`, () => assertOneProblem(problemsOf(text, 'csv', current), line, message));
    }
  });

  describe('meeting schedules', () => {
    const SCHEDULED: OrganisationSnapshot = {
      ...STORED,
      units: STORED.units.map((unit) =>
        unit.id === 'sykehjem-a' ? { ...unit, schedule: { weekdays: [2], time: '13:00', pauses: [{ from: '2026-07-01', to: '2026-08-09' }] } } : unit,
      ),
    };

    it('reads a YAML schedule: days sorted without repeats, the time as HH:mm, pauses by start date', () => {
      const { data } = parsed(
        unitYaml(
          'name: Sykehjem B', //                                        6
          'schedule:', //                                                7
          '  weekdays: [5, 1, 2, 3, 4, 1]', //                           8
          "  time: '8:30'", //                                           9
          '  pauses:', //                                                10
          "    - { from: '2026-12-21', to: '2027-01-03' }", //           11
          '    - from: 2026-07-01', //                                   12
          '      to: 2026-08-09', //                                     13
        ),
        'yaml',
      );
      assert.deepEqual(data.units[0].schedule, {
        weekdays: [1, 2, 3, 4, 5],
        time: '08:30',
        pauses: [
          { from: '2026-07-01', to: '2026-08-09' },
          { from: '2026-12-21', to: '2027-01-03' },
        ],
      });
    });

    it('keeps the stored schedule when the file leaves it out, and stored parts a schedule leaves out', () => {
      const unitOnly = parsed(file('serviceAreas:', '  - id: helse-omsorg', '    units:', '      - id: sykehjem-a', '        headcount: 31'), 'yaml', SCHEDULED);
      assert.deepEqual(unitOnly.data.units[0].schedule, SCHEDULED.units[0].schedule);
      const timeOnly = parsed(file('serviceAreas:', '  - id: helse-omsorg', '    units:', '      - id: sykehjem-a', "        schedule: { time: '14:15' }"), 'yaml', SCHEDULED);
      assert.deepEqual(timeOnly.data.units[0].schedule, { weekdays: [2], time: '14:15', pauses: [{ from: '2026-07-01', to: '2026-08-09' }] });
      assert.deepEqual(timeOnly.summary.units, { created: 0, updated: 1, unchanged: 0 });
      const noPauses = parsed(file('serviceAreas:', '  - id: helse-omsorg', '    units:', '      - id: sykehjem-a', '        schedule: { pauses: [] }'), 'yaml', SCHEDULED);
      assert.deepEqual(noPauses.data.units[0].schedule, { weekdays: [2], time: '13:00', pauses: [] });
    });

    const scheduleCases: { rule: string; lines: string[]; line: number; message: RegExp }[] = [
      { rule: 'a weekday out of range', lines: ['schedule:', '  weekdays:', '    - 1', '    - 8', "  time: '08:30'"], line: 10, message: /unit "sykehjem-b": schedule.weekdays "8" is not a weekday number from 1 \(Monday\) to 7 \(Sunday\)/ },
      { rule: 'no weekdays', lines: ['schedule:', '  weekdays: []', "  time: '08:30'"], line: 8, message: /schedule.weekdays must name at least one weekday/ },
      { rule: 'a time that is not a time of day', lines: ['schedule:', '  weekdays: [1]', "  time: '25:00'"], line: 9, message: /schedule.time "25:00" must be a time of day as HH:mm, e.g. "08:30"/ },
      { rule: 'a new schedule without a time', lines: ['schedule:', '  weekdays: [1]'], line: 8, message: /unit "sykehjem-b" has no stored meeting schedule, so the file must give schedule.time/ },
      { rule: 'a misspelt schedule key', lines: ['schedule:', '  weekday: [1]', "  time: '08:30'"], line: 8, message: /unit "sykehjem-b": unknown key "weekday"; expected one of weekdays, time, pauses/ },
      {
        rule: 'a pause that ends before it starts',
        lines: ['schedule:', '  weekdays: [1]', "  time: '08:30'", '  pauses:', '    - from: 2026-08-09', '      to: 2026-07-01'],
        line: 12,
        message: /a pause in schedule.pauses ends \(2026-07-01\) before it starts \(2026-08-09\)/,
      },
      { rule: 'a pause date that is not a date', lines: ['schedule:', '  weekdays: [1]', "  time: '08:30'", '  pauses:', "    - { from: '2026-02-30', to: '2026-03-01' }"], line: 11, message: /schedule.pauses from "2026-02-30" must be a date as YYYY-MM-DD/ },
      { rule: 'a pause without an end', lines: ['schedule:', '  weekdays: [1]', "  time: '08:30'", '  pauses:', "    - { from: '2026-07-01' }"], line: 11, message: /a pause in schedule.pauses needs to/ },
      {
        rule: 'more pauses than the card can show',
        lines: ['schedule:', '  weekdays: [1]', "  time: '08:30'", '  pauses:', ...['01', '02', '03', '04'].map((m) => `    - { from: '2026-${m}-01', to: '2026-${m}-02' }`)],
        line: 14,
        message: /schedule.pauses lists 4 pauses; at most 3 are allowed/,
      },
    ];
    for (const { rule, lines, line, message } of scheduleCases) {
      it(`reports ${rule} on line ${line}`, () => assertOneProblem(problemsOf(unitYaml('name: Sykehjem B', ...lines), 'yaml'), line, message));
    }

    const CSV_WITH_MEETINGS = `${CSV_HEADER},meeting_weekdays,meeting_time`;

    it('reads meeting_weekdays and meeting_time from CSV, keeping stored pauses, and a blank pair keeps the stored schedule', () => {
      const { data } = parsed(
        file(CSV_WITH_MEETINGS, 'helse-omsorg,Helse og omsorg,tol@kommune.no,sykehjem-a,,Sykehjem A,,,1;3; 5 ,8:05', 'helse-omsorg,Helse og omsorg,tol@kommune.no,ny,,Ny,,,2,13:00', 'helse-omsorg,Helse og omsorg,tol@kommune.no,legevakt,,Legevakt,,,,'),
        'csv',
        SCHEDULED,
      );
      assert.deepEqual(
        data.units.map((unit) => [unit.id, unit.schedule]),
        [
          ['sykehjem-a', { weekdays: [1, 3, 5], time: '08:05', pauses: [{ from: '2026-07-01', to: '2026-08-09' }] }],
          ['ny', { weekdays: [2], time: '13:00', pauses: [] }],
          ['legevakt', undefined],
        ],
      );
      const kept = parsed(file(CSV_WITH_MEETINGS, 'helse-omsorg,Helse og omsorg,tol@kommune.no,sykehjem-a,,Sykehjem A,,,,'), 'csv', SCHEDULED);
      assert.deepEqual(kept.data.units[0].schedule, SCHEDULED.units[0].schedule);
    });

    const csvScheduleCases: { rule: string; row: string; line: number; message: RegExp }[] = [
      { rule: 'a weekday that is not 1-7', row: 'a,A,,u,,U,,,1;8,08:30', line: 2, message: /unit "u": meeting_weekdays "8" is not a weekday number from 1 \(Monday\) to 7 \(Sunday\)/ },
      { rule: 'a weekday list with commas inside quotes', row: 'a,A,,u,,U,,,"1,2",08:30', line: 2, message: /meeting_weekdays "1,2" is not a weekday number/ },
      { rule: 'a malformed time', row: 'a,A,,u,,U,,,1,8.30', line: 2, message: /unit "u": meeting_time "8.30" must be a time of day as HH:mm/ },
      { rule: 'a new unit with days but no time', row: 'a,A,,u,,U,,,1;2,', line: 2, message: /unit "u" has no stored meeting schedule, so the file must give meeting_time/ },
      { rule: 'a new unit with a time but no days', row: 'a,A,,u,,U,,,,08:30', line: 2, message: /so the file must give meeting_weekdays/ },
    ];
    for (const { rule, row, line, message } of csvScheduleCases) {
      it(`reports ${rule} in CSV on line ${line}`, () => assertOneProblem(problemsOf(file(CSV_WITH_MEETINGS, row), 'csv'), line, message));
    }

    it('exports the weekdays as one short YAML line', () => {
      const text = formatOrganisationFile(SCHEDULED, 'yaml');
      assert.match(text, /^ +schedule:\n +weekdays: \[2\]\n +time: '13:00'\n +pauses:\n +- from: '2026-07-01'\n +to: '2026-08-09'$/m);
      const weekdays = { ...SCHEDULED, units: [{ ...SCHEDULED.units[0], schedule: { weekdays: [1, 2, 3, 4, 5], time: '08:30', pauses: [] } }] };
      assert.match(formatOrganisationFile(weekdays, 'yaml'), /^ +weekdays: \[1, 2, 3, 4, 5\]\n +time: '08:30'\n +pauses: \[\]$/m);
    });
  });

  describe('export', () => {
    const ORGANISATION: OrganisationSnapshot = {
      settings: {
        name: 'Norddjurs Kommune',
        language: 'da',
        timeZone: 'Europe/Copenhagen',
        country: 'DK',
        currency: 'DKK',
        hoursPerFte: 1924,
        benefitCategories: [
          { id: 'money', measure: 'money' },
          { id: 'capacity', measure: 'quantity', unit: 'besøg' },
          { id: 'fuel', names: { da: 'Brændstof', en: 'Fuel' }, measure: 'quantity', unit: 'liter' },
          { id: 'indkob', names: { da: 'Vareindkøb' }, measure: 'money' },
        ],
        followUpMonths: [12],
      },
      serviceAreas: [
        { id: 'drift', name: 'Drift', leaders: [upn('chef@example.dk')] },
        { id: 'administration', name: 'Administration, løn', leaders: [] },
      ],
      units: [
        storedUnit({
          id: 'veje',
          code: 'VEJ',
          name: 'Veje',
          serviceAreaId: 'drift',
          leaders: [upn('a@example.dk'), { kind: 'aad', id: GUID }],
          headcount: 18,
          schedule: { weekdays: [1, 2, 3, 4, 5], time: '07:15', pauses: [{ from: '2026-07-06', to: '2026-07-26' }] },
        }),
        storedUnit({ id: 'bygninger', code: 'U1', name: 'Bygninger "Syd"', serviceAreaId: 'drift', members: [upn('m@example.dk')] }),
        storedUnit({ id: 'lon', code: 'LON', name: 'Løn', serviceAreaId: 'administration', headcount: 0 }),
      ],
      roleAssignments: [
        { role: 'administrator', person: upn('admin@example.dk') },
        { role: 'executive', person: upn('direktor@example.dk') },
      ],
      aliases: new Map(),
    };

    it('round-trips YAML to the same organisation', () => {
      const { data } = parsed(formatOrganisationFile(ORGANISATION, 'yaml'), 'yaml');
      assert.deepEqual(data.settings, ORGANISATION.settings);
      assert.deepEqual(data.serviceAreas, [ORGANISATION.serviceAreas[1], ORGANISATION.serviceAreas[0]]);
      assert.deepEqual(data.units, [
        { id: 'lon', code: 'LON', name: 'Løn', serviceAreaId: 'administration', leaders: [], headcount: 0 },
        { id: 'bygninger', code: 'U1', name: 'Bygninger "Syd"', serviceAreaId: 'drift', leaders: [], members: [upn('m@example.dk')] },
        {
          id: 'veje',
          code: 'VEJ',
          name: 'Veje',
          serviceAreaId: 'drift',
          leaders: [upn('a@example.dk'), { kind: 'aad', id: GUID }],
          headcount: 18,
          schedule: { weekdays: [1, 2, 3, 4, 5], time: '07:15', pauses: [{ from: '2026-07-06', to: '2026-07-26' }] },
        },
      ]);
      assert.deepEqual(data.roleAssignments, [
        { role: 'administrator', people: [upn('admin@example.dk')] },
        { role: 'coach', people: [] },
        { role: 'executive', people: [upn('direktor@example.dk')] },
      ]);
    });

    it('round-trips YAML against itself as unchanged', () => {
      const { summary } = parsed(formatOrganisationFile(ORGANISATION, 'yaml'), 'yaml', ORGANISATION);
      assert.deepEqual(summary, {
        serviceAreas: { created: 0, updated: 0, unchanged: 2 },
        units: { created: 0, updated: 0, unchanged: 3 },
        settingsChanged: false,
        roles: { administrator: 1, coach: 0, executive: 1 },
      });
    });

    it('round-trips the benefit categories with their measures and units, in YAML and in their own CSV file (BOM and ";" read too)', () => {
      const yaml = formatOrganisationFile(ORGANISATION, 'yaml');
      assert.match(yaml, /^ +- money$/m, 'a built-in category with its own measure is written as its id');
      assert.match(yaml, /^ +- id: fuel\n +measure: quantity\n +unit: liter$/m);
      assert.deepEqual(parsed(yaml, 'yaml').data.settings?.benefitCategories, ORGANISATION.settings.benefitCategories);
      const csv = formatOrganisationFile(ORGANISATION, 'csv', { categories: true });
      assert.equal(csv.split('\n')[0], 'category_id,measure,unit,name_nb,name_da,name_en');
      assert.match(csv, /^fuel,quantity,liter,,Brændstof,Fuel$/m);
      const { data, summary } = parsed(csv, 'csv', ORGANISATION);
      assert.deepEqual(data.settings?.benefitCategories, ORGANISATION.settings.benefitCategories);
      assert.equal(summary.settingsChanged, false);
      const edited = parsed(`\uFEFF${csv.replace('fuel,quantity,liter', 'fuel,quantity,m3')}`, 'csv', ORGANISATION);
      assert.equal(edited.data.settings?.benefitCategories.find((c) => c.id === 'fuel')?.unit, 'm3');
      assert.equal(edited.summary.settingsChanged, true);
      assert.deepEqual(data.units, [], 'a categories file leaves the units alone');
    });

    it("reads Norddjurs' gain areas from the example categories file", () => {
      const { data } = parsed(readFileSync('examples/benefit-categories.csv', 'utf8'), 'csv');
      assert.deepEqual(
        data.settings?.benefitCategories.map((c) => [c.id, c.measure, c.unit ?? '', c.names?.da ?? '']),
        [
          ['time', 'hours', '', ''],
          ['money', 'money', '', ''],
          ['quality', 'quality', '', ''],
          ['indkob', 'money', '', 'Vareindkøb'],
          ['fuel', 'quantity', 'liter', 'Brændstof'],
          ['maskiner', 'quantity', 'driftstimer', 'Maskinernes levetid'],
        ],
      );
    });

    it('reports every problem of a categories CSV on its line', () => {
      const problems = problemsOf(file('category_id,measure,unit,name_da', 'time,,,', 'fuel,,liter,Brændstof', 'maskiner,quantity,,', 'indkob,money,kr,Vareindkøb'), 'csv');
      assert.deepEqual(
        problems.map((p) => `${p.line}: ${p.message}`),
        [
          '3: benefit category "fuel": measure is required: hours, money, quantity, quality',
          '4: benefit category "maskiner": an own benefit category needs at least one name (name_nb, name_da or name_en)',
          '5: benefit category "indkob": unit is only for a quantity or quality category; "indkob" is measured in money',
        ],
      );
    });

    it('round-trips CSV, one row per unit sorted by service area and id', () => {
      const text = formatOrganisationFile(ORGANISATION, 'csv');
      assert.equal(text.split('\n')[0], `${CSV_HEADER},meeting_weekdays,meeting_time`);
      assert.match(text, /^administration,"Administration, løn",,lon,LON,Løn,,0,,$/m);
      assert.match(text, /^drift,Drift,chef@example.dk,veje,VEJ,Veje,a@example.dk;3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e,18,1;2;3;4;5,07:15$/m);
      const { data, summary } = parsed(text, 'csv', ORGANISATION);
      assert.deepEqual(data.serviceAreas, [ORGANISATION.serviceAreas[1], ORGANISATION.serviceAreas[0]]);
      assert.deepEqual(
        data.units,
        [ORGANISATION.units[2], ORGANISATION.units[1], ORGANISATION.units[0]].map(({ members: _members, channel: _channel, ...unit }) => unit),
      );
      assert.deepEqual(summary.units, { created: 0, updated: 0, unchanged: 3 });
    });
  });
});
