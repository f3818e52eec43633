package dev.ferry.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed server certificate made with the running JDK's {@code keytool}: a PKCS#12
 * keystore for Apache FtpServer, and PEM files of the certificate and the private key for
 * vsftpd and for {@code tlsTrustedCertificate}.
 *
 * @param keystore the PKCS#12 keystore
 * @param password its password, also the key's
 * @param pem the certificate as PEM text
 * @param certificateFile the same in a file
 * @param privateKeyFile the private key, PKCS#8 PEM
 */
public record TestCertificate(Path keystore, String password, String pem, Path certificateFile, Path privateKeyFile) {

	static final String PASSWORD = "changeit";

	/**
	 * Makes a certificate.
	 * @param dir where to put the files
	 * @param name file name prefix
	 * @param subjectAlternativeNames e.g. {@code ip:127.0.0.1,dns:localhost}
	 */
	public static TestCertificate create(Path dir, String name, String subjectAlternativeNames)
			throws IOException, InterruptedException, GeneralSecurityException {
		return create(dir, name, subjectAlternativeNames, "-1d", 30);
	}

	/**
	 * Makes a certificate valid for {@code days} from {@code start}, e.g. {@code -10d}
	 * and 1 day for an expired one.
	 */
	public static TestCertificate create(Path dir, String name, String subjectAlternativeNames, String start, int days)
			throws IOException, InterruptedException, GeneralSecurityException {
		Path keystore = dir.resolve(name + ".p12");
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		run(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-startdate",
				start, "-validity", String.valueOf(days), "-dname", "CN=" + name + ", O=Ferry tests", "-ext",
				"SAN=" + subjectAlternativeNames, "-storetype", "PKCS12", "-keystore", keystore.toString(),
				"-storepass", PASSWORD, "-keypass", PASSWORD));
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keystore)) {
			store.load(in, PASSWORD.toCharArray());
		}
		String pem = pem("CERTIFICATE", store.getCertificate("server").getEncoded());
		PrivateKey key = (PrivateKey) store.getKey("server", PASSWORD.toCharArray());
		Path certificateFile = Files.writeString(dir.resolve(name + ".crt"), pem);
		Path privateKeyFile = Files.writeString(dir.resolve(name + ".key"), pem("PRIVATE KEY", key.getEncoded()));
		return new TestCertificate(keystore, PASSWORD, pem, certificateFile, privateKeyFile);
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static void run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException("keytool failed: " + output);
		}
	}

}
