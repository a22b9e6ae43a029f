// Search: see search-index.js
