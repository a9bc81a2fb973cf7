// Runs once per worksheet screen ("this" is the worksheet element). It keeps the screen honest
// while the server has not confirmed a save: typing marks the screen as pending at once (also when
// the connection is gone), every typed value is kept in this tab's sessionStorage until the server
// confirms it, and a lost connection is said in words. $0 = storage key, $1 = texts.
const view = this;
if (view.rwbGuarded) {
  return;
}
view.rwbGuarded = true;
const key = $0;
const texts = $1;
const pendingSpan = view.querySelector('.save-pending');
let otherChange = false;

function read() {
  try { return JSON.parse(sessionStorage.getItem(key) || '{}') || {}; } catch (e) { return {}; }
}
function write(values) {
  try {
    if (Object.keys(values).length) { sessionStorage.setItem(key, JSON.stringify(values)); }
    else { sessionStorage.removeItem(key); }
  } catch (e) { /* storage full or off: the page itself still holds the values */ }
}
function offline() {
  const state = window.Vaadin && window.Vaadin.connectionState && window.Vaadin.connectionState.state;
  return !navigator.onLine || state === 'reconnecting' || state === 'connection-lost';
}
function show() {
  const pending = otherChange || Object.keys(read()).length > 0;
  const off = offline();
  view.toggleAttribute('data-pending', pending);
  view.toggleAttribute('data-offline', off);
  if (pendingSpan) {
    pendingSpan.textContent = off ? texts.offline : (pending ? texts.pending : '');
  }
}
function fieldOf(event) {
  return event.composedPath().find(n => n && n.getAttribute && n.hasAttribute('data-field'));
}
function remember(event) {
  const field = fieldOf(event);
  // the native input holds what was just typed (the field's own value may not have caught up yet)
  const source = event.composedPath()[0];
  const value = source && typeof source.value === 'string' ? source.value : field && field.value;
  if (field && typeof value === 'string') {
    const values = read();
    values[field.getAttribute('data-field')] = value;
    write(values);
  } else if (event.composedPath().some(n => n && n.closest && n === view.querySelector('.worksheet-form'))) {
    otherChange = true;
  }
  show();
}
view.addEventListener('input', remember);
view.addEventListener('change', remember);

// The server confirms: drop every kept value it now holds (newer typing stays kept).
view.rwbAck = function (saved) {
  const values = read();
  for (const [field, value] of Object.entries(values)) {
    if ((saved[field] || '') === (value || '')) { delete values[field]; }
  }
  write(values);
  otherChange = false;
  show();
};
// Kept values the server never confirmed (a restart, an expired session): one string, field and value alternating.
view.rwbKept = function () {
  return Object.entries(read()).flat().map(s => String(s).replace(/\u0001/g, ' ')).join('\u0001');
};
view.rwbForget = function () { write({}); otherChange = false; show(); };

// page-wide listeners end with the screen (navigating away removes this element)
const connection = window.Vaadin && window.Vaadin.connectionState;
function onConnection() {
  if (!view.isConnected) {
    window.removeEventListener('online', onConnection);
    window.removeEventListener('offline', onConnection);
    if (connection && connection.removeStateChangeListener) {
      connection.removeStateChangeListener(onConnection);
    }
    return;
  }
  show();
}
window.addEventListener('online', onConnection);
window.addEventListener('offline', onConnection);
if (connection && connection.addStateChangeListener) {
  connection.addStateChangeListener(onConnection);
}
show();
