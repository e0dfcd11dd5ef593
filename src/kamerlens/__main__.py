from kamerlens.cli import app

app(prog_name="kamerlens")
