"""A visitor's uploaded summary: parsed with the loader, capped, held per browser (:mod:`.store`). Pure;
the upload box itself is :mod:`dashboard.st.upload`."""
