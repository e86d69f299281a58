import sys

from desk_app.main import main

sys.exit(main())
