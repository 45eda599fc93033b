/* What the person typed, kept in localStorage on their own device until they send it or press "Wissen"
 * (the privacy statement, content/privacy.md, says so). Nothing is stored before they type.
 */

export const KEY = "kennisbank-aanmelden";

export function load() {
  try {
    return JSON.parse(localStorage.getItem(KEY)) || null;
  } catch {
    return null;
  }
}

export function save(state) {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // Storage full or switched off: the form still works, it only forgets on reload.
  }
}

export function clear() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
