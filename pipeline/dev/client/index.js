// Index page: the status of every briefing follows each save; a briefing added or removed
// reloads the list.
const events = new EventSource('/events');
events.addEventListener('status', (event) => {
  const state = JSON.parse(event.data);
  const row = [...document.querySelectorAll('tr[data-key]')].find((candidate) => candidate.dataset.key === state.key);
  if (!row) return location.reload();
  const cell = row.querySelector('.status');
  const errors = state.messages.filter((message) => message.severity === 'error').length;
  const warnings = state.messages.length - errors;
  cell.className = `status status-${state.status}`;
  cell.textContent = state.status === 'ok' ? 'ok' : state.status === 'errors' ? `errors (${errors})` : `warnings (${warnings})`;
  row.querySelector('a').textContent = state.title;
});
events.addEventListener('list', () => location.reload());
