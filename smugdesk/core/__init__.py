"""The pure-Python core of smugdesk: nothing here may import Qt."""
