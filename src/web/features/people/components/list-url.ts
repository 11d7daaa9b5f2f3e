/** The people list as last seen (its filters), so the profile's "back" link returns to it. */
const KEY = 'vinhdanh.peopleList';

export function rememberListUrl(url: string) {
  try {
    sessionStorage.setItem(KEY, url);
  } catch {
    // Storage refused (private mode): "back" opens the unfiltered list.
  }
}

export function lastListUrl(): string {
  try {
    const url = sessionStorage.getItem(KEY);
    return url?.startsWith('/people') ? url : '/people';
  } catch {
    return '/people';
  }
}
