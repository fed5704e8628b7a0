// The organization the app shows, remembered per browser (not in the URL: links stay shareable
// between people whose current organizations differ). Tabs follow each other through `storage`.
const KEY = 'pm.current_organization';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

let current = read();

window.addEventListener('storage', (event) => {
  if (event.key === KEY || event.key === null) {
    current = read();
    listeners.forEach((listener) => listener());
  }
});

export function getStoredOrganizationId(): string | null {
  return current;
}

export function storeOrganizationId(id: string): void {
  if (id === current) {
    return;
  }
  current = id;
  try {
    window.localStorage.setItem(KEY, id);
  } catch {
    // Storage disabled: the choice lasts as long as the tab.
  }
  listeners.forEach((listener) => listener());
}

export function subscribeToStoredOrganization(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
