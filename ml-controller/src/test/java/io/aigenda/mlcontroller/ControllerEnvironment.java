package io.aigenda.mlcontroller;

import java.util.Map;

/**
 * The ml-controller as most integration tests need it: on a broker namespace, a
 * PostgreSQL database and a fake backend of its own. Closing it stops the controller and
 * removes all three.
 */
public final class ControllerEnvironment implements AutoCloseable {

	private final FakeBackend backend;

	private final TestDatabase database;

	private final ControllerUnderTest controller;

	public ControllerEnvironment(Map<String, String> overrides) {
		this.backend = new FakeBackend();
		TestDatabase createdDatabase = null;
		try {
			createdDatabase = new TestDatabase();
			this.controller = ControllerUnderTest.start(TestBroker.namespace(), this.backend, createdDatabase.url(),
					createdDatabase.username(), overrides);
		}
		catch (RuntimeException ex) {
			if (createdDatabase != null) {
				createdDatabase.close();
			}
			this.backend.close();
			throw ex;
		}
		this.database = createdDatabase;
	}

	public ControllerUnderTest controller() {
		return this.controller;
	}

	public FakeBackend backend() {
		return this.backend;
	}

	@Override
	public void close() {
		try {
			this.controller.close();
			TestBroker.deleteNamespace(this.controller.namespace());
		}
		finally {
			this.database.close();
			this.backend.close();
		}
	}

}
