from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site: its content as TOML files (demo/content/), the loader that builds it,
    and the commands seed_demo and create_demo_users. It sits on top of every other app and
    nothing imports it."""

    name = "demo"
    verbose_name = "Demowebbplatsen"
