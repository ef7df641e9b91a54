// Interface language before first paint (see core/i18n.js): both, zh or en. A classic script in <head>, not an
// inline one, so that the Content-Security-Policy can refuse every inline script.
(function () { var m = 'both'; try { m = localStorage.getItem('civatlas.lang') || 'both'; } catch (e) {}
  if (m !== 'zh' && m !== 'en') m = 'both'; document.documentElement.className += ' lang-' + m;
  if (m === 'en') document.documentElement.lang = 'en'; })();
