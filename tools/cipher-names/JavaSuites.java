import java.lang.reflect.Field;
import java.util.List;

/** Prints the JDK's cipher suite table: code, name, aliases, supported, enabled by default. */
public class JavaSuites {
    @SuppressWarnings("unchecked") public static void main(String[] args) throws Exception {
        Class<?> suites = Class.forName("sun.security.ssl.CipherSuite");
        Field id = suites.getDeclaredField("id");
        Field name = suites.getDeclaredField("name");
        Field aliases = suites.getDeclaredField("aliases");
        Field supported = suites.getDeclaredField("supportedProtocols");
        Field enabled = suites.getDeclaredField("isDefaultEnabled");
        for (Field f : new Field[] {id, name, aliases, supported, enabled}) f.setAccessible(true);
        for (Object suite : suites.getEnumConstants()) {
            System.out.printf("0x%04X\t%s\t%s\t%s\t%s%n", id.getInt(suite), name.get(suite),
                String.join(",", (List<String>) aliases.get(suite)), !((List<?>) supported.get(suite)).isEmpty(),
                enabled.getBoolean(suite));
        }
    }
}
