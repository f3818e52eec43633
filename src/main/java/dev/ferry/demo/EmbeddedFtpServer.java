package dev.ferry.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.command.CommandFactoryFactory;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.Ftplet;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.TransferRatePermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * An in-process Apache FtpServer for the demo profile and for tests. It listens on
 * {@code 127.0.0.1} (or another loopback address, such as {@code ::1}), offers passive
 * data connections there (by default on any free port), accepts active ones, and has one
 * user who may write in the root directory, which is created if missing. Anonymous login
 * is off. Tests can make it speak FTPS, announce another passive address, refuse commands
 * and list more features, to reproduce what real servers do.
 *
 * <pre>{@code
 * try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().rootDirectory(dir).user("demo", "demo").build()) {
 *     int port = server.start().port();
 * }
 * }</pre>
 */
public final class EmbeddedFtpServer implements AutoCloseable {

	/** The address this server binds to unless told another loopback address. */
	public static final String HOST = "127.0.0.1";

	private final String host;

	private final Path rootDirectory;

	private final Listener listener;

	private final FtpServer server;

	private EmbeddedFtpServer(Builder builder) {
		this.rootDirectory = Objects.requireNonNull(builder.rootDirectory, "rootDirectory");
		try {
			Files.createDirectories(this.rootDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create FTP root " + this.rootDirectory, ex);
		}
		DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
		data.setPassiveAddress(builder.passiveAddress);
		if (builder.passiveExternalAddress != null) {
			data.setPassiveExternalAddress(builder.passiveExternalAddress);
		}
		if (builder.passivePorts != null) {
			data.setPassivePorts(builder.passivePorts);
		}
		ListenerFactory listenerFactory = new ListenerFactory();
		this.host = builder.host;
		listenerFactory.setServerAddress(this.host);
		listenerFactory.setPort(builder.port);
		listenerFactory.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
		if (builder.keystore != null) {
			SslConfigurationFactory ssl = new SslConfigurationFactory();
			ssl.setKeystoreFile(builder.keystore.toFile());
			ssl.setKeystorePassword(builder.keystorePassword);
			ssl.setKeystoreType("PKCS12");
			if (builder.tlsProtocols != null) {
				ssl.setSslProtocol(builder.tlsProtocols);
			}
			listenerFactory.setSslConfiguration(ssl.createSslConfiguration());
			listenerFactory.setImplicitSsl(builder.implicitSsl);
		}
		this.listener = listenerFactory.createListener();
		ConnectionConfigFactory connections = new ConnectionConfigFactory();
		connections.setAnonymousLoginEnabled(false);
		FtpServerFactory serverFactory = new FtpServerFactory();
		serverFactory.addListener("default", this.listener);
		serverFactory.setConnectionConfig(connections.createConnectionConfig());
		Map<String, Ftplet> ftplets = new LinkedHashMap<>(builder.ftplets);
		ftplets.put("replies", new ScriptedReplies(builder.refused, builder.advertised, builder.hashCommands));
		serverFactory.setFtplets(ftplets);
		if (builder.hashCommands) {
			CommandFactoryFactory commands = new CommandFactoryFactory();
			commands.addCommand("XSHA256", new Xsha256Command());
			// FtpServer looks X-commands up without their X, as it does XMKD
			commands.addCommand("SHA256", new Xsha256Command());
			serverFactory.setCommandFactory(commands.createCommandFactory());
		}
		serverFactory.setUserManager(new PropertiesUserManagerFactory().createUserManager());
		BaseUser user = new BaseUser();
		user.setName(builder.username);
		user.setPassword(builder.password);
		user.setHomeDirectory(this.rootDirectory.toAbsolutePath().toString());
		user.setAuthorities(List.of(new WritePermission(), new TransferRatePermission(0, builder.uploadRate)));
		try {
			serverFactory.getUserManager().save(user);
		}
		catch (FtpException ex) {
			throw new IllegalStateException("Cannot add FTP user " + builder.username, ex);
		}
		this.server = serverFactory.createServer();
	}

	/**
	 * Starts describing a server: port 0, user {@code demo}/{@code demo}, any passive
	 * port.
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts listening; throws {@link IllegalStateException} if it cannot, e.g. port
	 * taken.
	 */
	public EmbeddedFtpServer start() {
		try {
			this.server.start();
			return this;
		}
		catch (FtpException | RuntimeException ex) {
			throw new IllegalStateException("Starting the FTP server on " + this.host + " failed", ex);
		}
	}

	/** The control port actually bound, once started. */
	public int port() {
		return this.listener.getPort();
	}

	/** The directory the user sees as {@code /}. */
	public Path rootDirectory() {
		return this.rootDirectory;
	}

	/** Stops the server and closes its sessions; does nothing if it is not running. */
	public void stop() {
		if (!this.server.isStopped()) {
			this.server.stop();
		}
	}

	@Override
	public void close() {
		stop();
	}

	/** Describes an {@link EmbeddedFtpServer}. */
	public static final class Builder {

		private Path rootDirectory;

		private String username = "demo";

		private String password = "demo";

		private int port;

		private String passivePorts;

		private String host = HOST;

		private String passiveAddress = HOST;

		private String passiveExternalAddress;

		private Path keystore;

		private String keystorePassword;

		private boolean implicitSsl;

		private String[] tlsProtocols;

		private final Map<String, String> refused = new LinkedHashMap<>();

		private final List<String> advertised = new ArrayList<>();

		private boolean hashCommands = true;

		private final Map<String, Ftplet> ftplets = new LinkedHashMap<>();

		private int uploadRate;

		private Builder() {
		}

		/**
		 * Whether the server hashes stored files on request: {@code MD5} (Apache
		 * FtpServer's own) and {@code XSHA256}, both listed in {@code FEAT}. On by
		 * default; off, it offers no hash, as vsftpd.
		 */
		public Builder hashCommands(boolean hashCommands) {
			this.hashCommands = hashCommands;
			return this;
		}

		/**
		 * Limits how fast the user may upload, in bytes per second (0: no limit), as a
		 * busy server or a thin line does.
		 */
		public Builder uploadRate(int bytesPerSecond) {
			this.uploadRate = bytesPerSecond;
			return this;
		}

		/**
		 * The address announced in {@code 227} replies instead of the one passive sockets
		 * bind to, as a server behind NAT announces its public (or a wrong) address.
		 */
		public Builder passiveExternalAddress(String passiveExternalAddress) {
			this.passiveExternalAddress = passiveExternalAddress;
			return this;
		}

		/**
		 * Speaks FTPS with the key and certificate of a PKCS#12 keystore: explicit
		 * ({@code AUTH TLS}) or implicit (TLS from the first byte).
		 */
		public Builder tls(Path keystore, String password, boolean implicit) {
			this.keystore = Objects.requireNonNull(keystore, "keystore");
			this.keystorePassword = Objects.requireNonNull(password, "password");
			this.implicitSsl = implicit;
			return this;
		}

		/** The TLS versions to speak, e.g. {@code TLSv1.3}; by default TLS 1.2. */
		public Builder tlsProtocols(String... protocols) {
			this.tlsProtocols = protocols.clone();
			return this;
		}

		/**
		 * Answers a command with a fixed reply instead of carrying it out, e.g.
		 * {@code refuse("EPSV", "502 Command not implemented.")}, as servers that lack it
		 * or forbid it do.
		 */
		public Builder refuse(String command, String reply) {
			this.refused.put(command.toUpperCase(Locale.ROOT), reply);
			return this;
		}

		/**
		 * Lists more features in the {@code FEAT} reply, e.g. {@code EPSV}, which Apache
		 * FtpServer supports but does not list.
		 */
		public Builder advertise(String... features) {
			this.advertised.addAll(List.of(features));
			return this;
		}

		/**
		 * Adds an {@link Ftplet} that sees each command before the server carries it out,
		 * for tests that need a server to misbehave in one precise way (carry out a
		 * rename and never reply, say).
		 */
		public Builder ftplet(String name, Ftplet ftplet) {
			this.ftplets.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(ftplet, "ftplet"));
			return this;
		}

		/** The user's home and the server's {@code /}; created by {@link #build()}. */
		public Builder rootDirectory(Path rootDirectory) {
			this.rootDirectory = rootDirectory;
			return this;
		}

		/** The one user, who has write permission. */
		public Builder user(String username, String password) {
			this.username = Objects.requireNonNull(username, "username");
			this.password = Objects.requireNonNull(password, "password");
			return this;
		}

		/**
		 * The loopback address to listen on, e.g. {@code ::1} for IPv6; passive data
		 * sockets use it too unless {@link #passiveAddress} says otherwise.
		 */
		public Builder host(String host) {
			this.host = Objects.requireNonNull(host, "host");
			this.passiveAddress = host;
			return this;
		}

		/** The control port; 0 (the default) picks a free one, see {@link #port()}. */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/** Passive ports, e.g. {@code "40000-40009"}; by default any free port. */
		public Builder passivePorts(String passivePorts) {
			this.passivePorts = passivePorts;
			return this;
		}

		/**
		 * The loopback address passive data sockets bind to and announce (default
		 * {@code 127.0.0.1}). Another one, such as {@code 127.0.0.2}, breaks passive mode
		 * for clients that, like Commons Net, connect to the control connection's
		 * address.
		 */
		public Builder passiveAddress(String passiveAddress) {
			this.passiveAddress = Objects.requireNonNull(passiveAddress, "passiveAddress");
			return this;
		}

		/** Creates the root directory and the server, without starting it. */
		public EmbeddedFtpServer build() {
			return new EmbeddedFtpServer(this);
		}

	}

	/** Refuses commands and lists extra features, as configured. */
	private static final class ScriptedReplies extends DefaultFtplet {

		private static final String FEATURES = "Extensions supported\n SIZE\n MDTM\n REST STREAM\n"
				+ " MLST Size;Modify;Type;Perm\n AUTH SSL\n AUTH TLS\n UTF8\n TVFS\n";

		private static final String HASH_FEATURES = " MD5\n MMD5\n XSHA256\n";

		private final Map<String, String> refused;

		private final List<String> advertised;

		private final boolean hashCommands;

		ScriptedReplies(Map<String, String> refused, List<String> advertised, boolean hashCommands) {
			this.refused = Map.copyOf(refused);
			this.advertised = List.copyOf(advertised);
			this.hashCommands = hashCommands;
		}

		@Override
		public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException {
			String command = request.getCommand().toUpperCase(Locale.ROOT);
			// FtpServer names X-commands without their X (XSHA256 arrives as SHA256)
			String reply = this.refused.getOrDefault(command, this.refused.get("X" + command));
			if (reply != null) {
				session.write(new DefaultFtpReply(Integer.parseInt(reply.substring(0, 3)), reply.substring(4)));
				return FtpletResult.SKIP;
			}
			if ("FEAT".equals(command)) {
				StringBuilder features = new StringBuilder(FEATURES).append(this.hashCommands ? HASH_FEATURES : "");
				this.advertised.forEach((feature) -> features.append(' ').append(feature).append('\n'));
				session.write(new DefaultFtpReply(211, features.append("End").toString()));
				return FtpletResult.SKIP;
			}
			return FtpletResult.DEFAULT;
		}

	}

}
