import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { enrolKiosk } from './support/enrol.ts';
import { fieldId, fillDate, fillText, choose, flowText, next, signTyped, yesNo } from './support/forms.ts';
import { chooseLanguage } from './support/kiosk.ts';
import { visitUntilControlled } from './support/service-worker.ts';
import { expectHeard, forget, heard, listen, rms, said, writeWav } from './support/speech.ts';

/**
 * A whole request heard, not seen, with the network cut: every step's heading, the error summary, a
 * CPR number said masked, the receipt in full with its reference group by group (and spelt on request),
 * and Finish silencing it mid-sentence. The receipt is kept as a WAV in test-results/.
 */

const digits = {
  da: ['nul', 'en', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
};
const nato: Record<string, string> = { A: 'Alfa', B: 'Bravo', C: 'Charlie', D: 'Delta', E: 'Echo', F: 'Foxtrot', G: 'Golf', H: 'Hotel', J: 'Juliett', K: 'Kilo', M: 'Mike', N: 'November', P: 'Papa', Q: 'Quebec', R: 'Romeo', S: 'Sierra', T: 'Tango', V: 'Victor', W: 'Whiskey', X: 'X-ray', Y: 'Yankee', Z: 'Zulu' };
const text = {
  da: { masked: 'nul et, nul et, halvfems, og fire skjulte cifre', next: 'Hvad sker der nu', finish: 'Afslut', spell: 'Stav referencenummeret' },
  en: { masked: 'oh one, oh one, ninety, and four hidden digits', next: 'What happens next', finish: 'Finish', spell: 'Spell the reference number' },
};

for (const language of ['da', 'en'] as const) {
  test(`a request in ${language === 'da' ? 'Danish' : 'English'} heard from start to receipt offline; CPR masked, reference group by group, Finish stops it`, async ({ page, context }) => {
    test.setTimeout(240_000);
    await listen(page);
    await enrolKiosk(page);
    await visitUntilControlled(page, '/service/digital-post-read-access');
    await context.setOffline(true);
    await chooseLanguage(page, language);
    await page.locator('.kiosk-read-aloud').click();
    await expectHeard(page, await page.locator('main h1').innerText());

    // The error summary is said when it appears.
    await forget(page);
    await page.locator('form button[type="submit"]').click();
    await expectHeard(page, flowText[language].problem);

    // The CPR number, typed in full, is said masked when the citizen comes back to it, and never in full.
    await fillText(page, 'name', 'Karen Hansen');
    await fillText(page, 'cpr', '0101901234');
    await forget(page);
    await page.locator(fieldId('cpr')).press('Tab');
    await page.keyboard.press('Shift+Tab');
    await expect(page.locator(fieldId('cpr'))).toBeFocused();
    await expectHeard(page, text[language].masked);

    for (const fill of [
      async () => {
        await fillText(page, 'readerName', 'Ole Hansen');
        await fillText(page, 'readerCpr', '0202602345');
        await choose(page, 'relation', 'family', 'family');
      },
      async () => {
        await choose(page, 'accessLevel', 'read', 'read');
        await yesNo(page, 'hasEndDate', true);
        await fillDate(page, 'endDate', '2027-12-31');
      },
      async () => {
        await page.locator(fieldId('declaration')).check();
        await signTyped(page, 'signature', 'Karen Hansen');
      },
      async () => undefined,
    ]) {
      await next(page);
      // Every step is announced by its heading.
      await expectHeard(page, await page.locator('main h1').innerText());
      await fill();
    }
    await expect(page.locator('main h1')).toHaveText(flowText[language].check);
    // Check your answers: moving to a row's Change button is how the citizen asks for that answer.
    expect(await heard(page)).not.toContain('Ole Hansen, ');
    await forget(page);
    await page.locator('.answers-row', { hasText: 'Ole Hansen' }).getByRole('button').focus();
    await expectHeard(page, /Ole Hansen\. .+, (knap|button)/);

    await forget(page);
    await page.getByRole('button', { name: flowText[language].send }).click();
    await expect(page.locator('main h1')).toHaveText(flowText[language].receipt);
    const reference = (await page.locator('.receipt-reference').innerText()).trim();
    const groups = reference.split('-').map((g) => [...g].map((s) => (/\d/.test(s) ? digits[language][Number(s)] : s)).join(', '));
    await expectHeard(page, text[language].next, 60_000);
    const receipt = await heard(page);
    expect(receipt).toContain(flowText[language].receipt);
    for (const group of groups) expect(receipt).toContain(group);
    await expect.poll(async () => (await said(page)).filter((s) => s.type === 'end').length, { timeout: 90_000 }).toBeGreaterThanOrEqual((await said(page)).filter((s) => s.type === 'start').length);
    const sentences = (await said(page)).filter((s) => s.type === 'start');
    for (const s of sentences) expect(rms(s.samples!), s.text).toBeGreaterThan(0.01);
    const wav = `test-results/read-aloud-receipt-${language}.wav`;
    const { seconds } = writeWav(wav, sentences);
    expect(seconds).toBeGreaterThan(10);
    expect(Number(execFileSync('sox', ['--i', '-D', wav], { encoding: 'utf8' }))).toBeGreaterThan(10);

    // Spelt on request with the NATO alphabet.
    await forget(page);
    await page.getByRole('button', { name: text[language].spell }).click();
    const spelt = reference.split('-')[0]!;
    await expectHeard(page, [...spelt].map((s) => nato[s] ?? digits[language][Number(s)]).join(', '));

    // Finish in the middle of a sentence: silence at once, read-aloud off, nothing more said.
    await forget(page);
    await page.getByRole('button', { name: text[language].spell }).click();
    await expect.poll(async () => (await said(page)).some((s) => s.type === 'start')).toBe(true);
    await forget(page);
    await page.locator('main').getByRole('button', { name: text[language].finish, exact: true }).click();
    // The next citizen meets a Danish start screen.
    await expect(page.locator('main h1')).toHaveText('Velkommen til Borgerservice');
    // Touching Finish focuses it first, which starts its name ("Afslut, knap") over the spelling; the
    // reset then stops whatever is playing, part-way through.
    const stops = (await said(page)).filter((s) => s.type === 'stop');
    expect(stops.length).toBeGreaterThanOrEqual(1);
    expect(stops.at(-1)!.played!).toBeLessThan(stops.at(-1)!.duration!);
    expect((await said(page)).at(-1)!.type, 'the last thing that happened is the stop').toBe('stop');
    await expect(page.locator('.kiosk-read-aloud')).toHaveAttribute('aria-checked', 'false');
    const count = (await said(page)).length;
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toBeVisible();
    expect((await said(page)).length, 'nothing is said after Finish').toBe(count);
    expect(await heard(page)).not.toMatch(/1234|tolv, fireogtredive|twelve, thirty-four/);
  });
}
