import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocking, putSampleWeek, runAxe } from './harness/a11y';
import { type ExtensionSession, launchWithExtension } from './harness/extension';
import { recordDownloads } from './harness/pages';
import { startServer, type TestServer } from './harness/server';

/**
 * A learner whose browser speaks Spanish: the welcome page, the week told back to them and
 * the files they export are in Spanish, and each page says so in its `lang`.
 */
describe('in Spanish', () => {
  let server: TestServer;
  let ext: ExtensionSession;
  let dashboard: Page;
  let saved: string[] = [];

  beforeAll(async () => {
    server = await startServer([]);
    ext = await launchWithExtension({ keepWelcome: true, locale: 'es' });
    saved = await recordDownloads(ext.browser, ext.userDataDir);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('welcomes the learner with skills named in Spanish', async () => {
    const target = await ext.browser.waitForTarget((t) => t.url().endsWith('/welcome.html'));
    const welcome = (await target.asPage())!;
    await welcome.waitForSelector('#welcome-start');
    expect(await welcome.$eval('h1', (e) => e.textContent)).toBe(
      'Te damos la bienvenida a Skilltrail',
    );
    expect(await welcome.$eval('html', (e) => e.lang)).toMatch(/^es\b/);
    const labels = await welcome.$$eval('.starter-skills label', (els) =>
      els.map((e) => e.textContent),
    );
    expect(labels).toContain('Trabajo en equipo');
    expect(labels).not.toContain('Teamwork');
    expect(blocking(await runAxe(welcome))).toEqual([]);
    await welcome.close();
  });

  it('tells the week in Spanish', async () => {
    dashboard = await ext.openExtensionPage('/dashboard.html#/week');
    // In front: a tab behind another gets no animation frames, and waiting would stall.
    await dashboard.bringToFront();
    await dashboard.waitForSelector('.week-view');
    await putSampleWeek(dashboard, server.origin);
    await dashboard.reload();
    await dashboard.waitForSelector('.week-story');
    expect(await dashboard.$eval('html', (e) => e.lang)).toMatch(/^es\b/);
    const story = await dashboard.$eval('.week-story', (e) => e.textContent ?? '');
    expect(story).toContain('Tu semana en palabras');
    expect(story).toContain('Aprendiste sobre CSS layout y SQL.');
    expect(story).toContain('SQL: todo viene de un mismo sitio (127.0.0.1).');
    expect(story).toContain('Semanas seguidas con alguna reflexión: 2.');
    expect(blocking(await runAxe(dashboard))).toEqual([]);
  });

  it('exports a report and a table in Spanish', async () => {
    await dashboard.click('[data-export="markdown"]');
    await dashboard.click('[data-export="csv"]');
    for (let i = 0; i < 100 && saved.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    const files = saved.map((path) => readFileSync(path, 'utf8'));
    const md = files.find((f) => f.startsWith('#'));
    const csv = files.find((f) => f.startsWith('\uFEFF'));
    expect(md).toMatch(/^# Informe de aprendizaje — \d{4}-W\d\d/);
    expect(md).toContain('## Resumen');
    expect(md).toContain('**Reflexiones**');
    expect(csv?.split('\r\n')[0]).toBe(
      '\uFEFFid_sesion,fecha,inicio,fin,tipo,habilidades,titulo,sitio,url,segundos_activos,minutos_activos,paginas,busquedas,consultas,nota,procedencia,minutos_declarados,tipo_de_aprendizaje,avalado_por',
    );
  });

  it('states the privacy policy in Spanish', async () => {
    const policy = await ext.openExtensionPage('/privacy.html');
    await policy.waitForSelector('article h2');
    expect(await policy.$eval('html', (e) => e.lang)).toMatch(/^es\b/);
    expect(await policy.$eval('h1', (e) => e.textContent)).toBe(
      'Política de privacidad de Skilltrail',
    );
    expect(await policy.$$eval('h2', (els) => els.map((e) => e.textContent))).toContain(
      'Cómo borrar tus registros',
    );
    expect(blocking(await runAxe(policy))).toEqual([]);
    await policy.close();
  });
});
