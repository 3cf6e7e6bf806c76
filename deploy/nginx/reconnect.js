// Added to Streamlit's page by the proxy (sub_filter in app.conf.template).
//
// After a lost websocket Streamlit's frontend reconnects and, expecting the same server
// to still hold its session, asks for nothing. Behind several replicas the reconnection
// may land on another replica (the first one died): that replica starts an empty session
// and the page would stay as it was, its download buttons pointing at files the dead
// replica held, until the next click. Every view of this app lives in its URL, so once a
// websocket of this page has closed (a crash, or a replica stopped for a deployment) and a
// new one is open, the page is reloaded: the replica that now serves it renders the same
// view from the URL. The first connection does nothing; leaving the page runs no handler.
(() => {
  const Native = window.WebSocket;
  let streams = 0;
  let lost = false;
  class ReconnectingWebSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      if (!/\/_stcore\/stream$/.test(String(url))) return;
      streams += 1;
      const reconnection = streams > 1;
      this.addEventListener("open", () => {
        if (reconnection && lost) window.location.reload();
      });
      this.addEventListener("close", () => {
        lost = true;
      });
    }
  }
  window.WebSocket = ReconnectingWebSocket;
})();
