"""Reading the store for a question: the corpus view, hybrid retrieval, sentences scored against the
question, figures found in clauses, changes stated beside a figure, and which facts may answer."""
