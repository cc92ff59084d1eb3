import { describe, expect, it } from 'vitest';
import { catalogue, ecosystemTypes } from '../../src/indicators/catalogue.js';
import { seeaMapping, serviceMapping } from '../../src/seea/mapping.js';

describe('the SEEA EA mapping data', () => {
  it('has one row per catalogue indicator and per ecosystem type, each with a source and the status to-verify', () => {
    const m = seeaMapping();
    expect(m.services.map((s) => s.indicator).sort()).toEqual([...catalogue().keys()].sort());
    expect(m.ecosystemTypes.map((t) => t.type).sort()).toEqual([...ecosystemTypes().keys()].sort());
    for (const row of [...m.services, ...m.ecosystemTypes]) {
      expect(row.status).toBe('to-verify');
      expect(row.nameSource.length).toBeGreaterThan(0);
    }
  });

  it('maps to the reference-list names and marks what has no counterpart', () => {
    expect(serviceMapping('regulating.carbon-sequestration').service).toBe('Global climate regulation services');
    expect(serviceMapping('regulating.water-purification').service).toBe('Water purification services (water quality regulation)');
    expect(serviceMapping('regulating.soil-retention').service).toBe('Soil and sediment retention services');
    expect(serviceMapping('cultural.recreation').service).toBe('Recreation-related services');
    for (const id of ['regulating.oxygen-release', 'regulating.negative-ions', 'material.eco-energy'])
      expect(serviceMapping(id)).toMatchObject({ match: 'none', service: null, section: 'none' });
  });

  it('says that climate regulation by evaporation is close to local climate regulation but measured otherwise', () => {
    const row = serviceMapping('regulating.climate-regulation');
    expect(row).toMatchObject({ service: 'Local (micro and meso) climate regulation services', match: 'method-differs' });
    expect(row.note).toMatch(/evapotranspiration/);
    expect(row.note).toMatch(/no counterpart measure/);
  });

  it('marks a name as quoted only with a source that was read', () => {
    const m = seeaMapping();
    const read = new Set(m.sources.filter((s) => s.read !== 'not read').map((s) => s.id));
    for (const row of [...m.services, ...m.ecosystemTypes].filter((r) => r.nameStatus === 'quoted')) {
      expect(
        row.nameSource.split(';').some((s) => read.has(s.trim().split(' ')[0]!)),
        JSON.stringify(row),
      ).toBe(true);
    }
  });
});
