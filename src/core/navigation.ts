/**
 * The one place that leaves the page. Kept as a replaceable object so that unit tests of our own
 * logic can observe a navigation without leaving the test page; end-to-end tests use the real one.
 */
export const navigation = {
  assign(url: string): void {
    window.location.assign(url);
  },
};
