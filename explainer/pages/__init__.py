"""One module per page; each is short glue: widgets -> model -> figures."""
