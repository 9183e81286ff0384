import assert from 'node:assert/strict';
import { exportOrganisation, importOrganisation } from '../../src/services/organisationImport';
import { OrganisationTable } from '../../src/storage/organisationTable';
import { freshTableStore } from '../support/azurite';

const file = (months: string) => ['organisation:', '  name: Vestre Toten kommune', `  revisionMonths: ${months}`, 'serviceAreas: []', ''].join('\n');

describe('revision months in the organisation file', () => {
  it('are imported, stored and exported; omitted they keep what is stored', async () => {
    const repo = new OrganisationTable(await freshTableStore());
    assert.ok((await importOrganisation(repo, file('[10, 4, 4]'), 'yaml')).ok);
    assert.deepEqual((await repo.load()).settings.revisionMonths, [4, 10]);
    assert.match(await exportOrganisation(repo, 'yaml'), /revisionMonths: \[4, 10\]/);
    assert.ok((await importOrganisation(repo, ['organisation:', '  hoursPerFte: 1924', 'serviceAreas: []', ''].join('\n'), 'yaml')).ok);
    assert.deepEqual((await repo.load()).settings.revisionMonths, [4, 10], 'kept');
  });

  it('are left out of the export while the default (March and September) applies', async () => {
    const repo = new OrganisationTable(await freshTableStore());
    assert.ok((await importOrganisation(repo, ['organisation:', '  name: X', 'serviceAreas: []', ''].join('\n'), 'yaml')).ok);
    assert.equal((await repo.load()).settings.revisionMonths, undefined);
    assert.doesNotMatch(await exportOrganisation(repo, 'yaml'), /revisionMonths/);
  });

  it('must be months 1-12, at least one', async () => {
    const repo = new OrganisationTable(await freshTableStore());
    for (const months of ['[13]', '[0, 6]', '[]', '[mars]']) {
      const outcome = await importOrganisation(repo, file(months), 'yaml');
      assert.ok(!outcome.ok, months);
      assert.match(outcome.problems.map((p) => `${p.line}: ${p.message}`).join('\n'), /^3: .*revisionMonths/m, months);
    }
  });
});
