// Progressive enhancement only; every page works without it.
document.addEventListener('DOMContentLoaded', () => {
  // Print buttons (no inline handlers: the CSP forbids them).
  for (const b of document.querySelectorAll('[data-print]')) b.addEventListener('click', () => window.print());
  // Show the exemption letters only when "dikecualikan" is ticked.
  const exempt = document.querySelector('input[name="reasons"][value="exempt"]');
  const block = document.getElementById('exempt-block');
  if (exempt && block) {
    const sync = () => { block.hidden = !exempt.checked; };
    exempt.addEventListener('change', sync); sync();
  }
  const outcome = document.getElementById('f-outcome');
  const reasons = document.getElementById('reasons-block');
  if (outcome && reasons) {
    const sync = () => { reasons.hidden = outcome.value === 'full' || outcome.value === ''; };
    outcome.addEventListener('change', sync); sync();
  }
  // "Back" links on error pages return to the form the user came from.
  for (const a of document.querySelectorAll('[data-back]')) {
    if (history.length > 1) a.addEventListener('click', (e) => { e.preventDefault(); history.back(); });
  }
  // "Tandai sudah dibaca": the page shows this form only to officers and supervisors; opening the
  // page marks the request read for them (a POST of its own: the GET never writes). Without
  // script the button does the same.
  const markOpened = document.querySelector('form[data-mark-opened]');
  if (markOpened && window.fetch) {
    const token = markOpened.querySelector('input[name="_csrf"]');
    fetch(markOpened.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-csrf-token': token ? token.value : '', Accept: 'application/json' },
    }).then((res) => { if (res.ok) markOpened.hidden = true; }).catch(() => {});
  }
  // Confirm destructive actions.
  for (const f of document.querySelectorAll('form[data-confirm]')) {
    f.addEventListener('submit', (e) => { if (!confirm(f.dataset.confirm)) e.preventDefault(); });
  }
});

// Forms are sent once: on submit the buttons say they are working and stop taking clicks.
// (The server's one-time form key already makes a repeat harmless; this only spares the wait.)
document.addEventListener('DOMContentLoaded', () => {
  const forms = document.querySelectorAll('form[method=post]');
  const reset = (f) => {
    delete f.dataset.sending;
    for (const b of f.querySelectorAll('button')) {
      b.disabled = false;
      b.removeAttribute('aria-busy');
      if (b.dataset.idleLabel) { b.textContent = b.dataset.idleLabel; delete b.dataset.idleLabel; }
    }
  };
  for (const f of forms) {
    f.addEventListener('submit', (e) => {
      if (e.defaultPrevented) return; // e.g. a confirmation the user declined
      if (f.dataset.sending) { e.preventDefault(); return; }
      f.dataset.sending = '1';
      const buttons = f.querySelectorAll('button');
      for (const b of buttons) b.setAttribute('aria-busy', 'true');
      const used = e.submitter;
      if (used && used.tagName === 'BUTTON' && !used.classList.contains('link')) {
        used.dataset.idleLabel = used.textContent;
        used.textContent = 'Memproses…';
      }
      // Disabled after the browser has read the form, so the pressed button's value is still sent.
      setTimeout(() => { for (const b of buttons) b.disabled = true; }, 0);
    });
  }
  // Back to a page kept in the browser's cache: its forms can be used again.
  window.addEventListener('pageshow', (e) => { if (e.persisted) for (const f of forms) reset(f); });
});
// Length counters (progressive enhancement). A field with data-maxlength gets a live counter
// under it; going over the limit marks the field but never cuts the text: the server refuses it
// with "Maksimal N karakter (sekarang M)." and gives the text back. Self-contained on purpose
// (other blocks of this file are edited separately).
(function lengthCounters() {
  function setUp() {
    for (const field of document.querySelectorAll('[data-maxlength]')) {
      const max = Number(field.dataset.maxlength);
      if (!Number.isInteger(max) || max <= 0 || field.dataset.counterReady) continue;
      field.dataset.counterReady = '1';
      const counter = document.createElement('span');
      counter.className = 'char-count';
      counter.id = `count-${field.id || field.name}`;
      counter.setAttribute('aria-live', 'polite');
      field.insertAdjacentElement('afterend', counter);
      const described = (field.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      field.setAttribute('aria-describedby', [...described, counter.id].join(' '));
      // Counted as the server counts: a line break is sent as CR LF, two characters.
      const length = () => field.value.length + (field.value.match(/\n/g) || []).length * (field.tagName === 'TEXTAREA' ? 1 : 0);
      const update = () => {
        const n = length();
        const over = n > max;
        // Plain numbers, as the server's "Maksimal N karakter (sekarang M)." writes them.
        counter.textContent = over
          ? `${n} / ${max} karakter — lebih ${n - max}, kurangi sebelum dikirim.`
          : `${n} / ${max} karakter`;
        counter.classList.toggle('over', over);
        // Long texts always show their count; a one-line field only once it nears its limit.
        counter.hidden = field.tagName !== 'TEXTAREA' && n < max * 0.8;
        field.classList.toggle('over-limit', over);
      };
      field.addEventListener('input', update);
      update();
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp);
  else setUp();
})();
