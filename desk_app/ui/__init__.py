"""The Qt interface. Talks to the store through its service functions; never builds SQL."""
