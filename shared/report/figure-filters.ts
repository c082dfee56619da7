/**
 * The page's only script: filters the figures table by metric, place and free text.
 * Rows carry data-metric and data-places ("|"-separated, lower case); the text filter
 * reads each row's visible text. Kept free of page data so that its hash can go in the
 * page's Content-Security-Policy.
 */
export const FIGURE_FILTER_SCRIPT = `(() => {
  const metric = document.getElementById('filter-metric');
  const place = document.getElementById('filter-place');
  const text = document.getElementById('filter-text');
  const shown = document.getElementById('filter-shown');
  const rows = Array.from(document.querySelectorAll('#figures-table tbody tr'));
  const apply = () => {
    const m = metric.value, p = place.value, words = text.value.trim().toLowerCase().split(/\\s+/).filter(Boolean);
    let n = 0;
    for (const row of rows) {
      const hay = row.textContent.toLowerCase();
      const ok = (!m || row.dataset.metric === m) &&
        (!p || row.dataset.places.split('|').includes(p)) &&
        words.every((w) => hay.includes(w));
      row.hidden = !ok;
      if (ok) n++;
    }
    shown.textContent = String(n);
  };
  for (const el of [metric, place, text]) el.addEventListener('input', apply);
  apply();
})();`;
