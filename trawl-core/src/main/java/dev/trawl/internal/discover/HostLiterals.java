package dev.trawl.internal.discover;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * What an IP literal in a URL's host names, read without DNS. An IPv4 host is read both as the
 * JDK's resolver reads it ({@code 2130706433}, {@code 127.1}: decimal parts) and as the C
 * library's {@code inet_aton} does ({@code 0x7f.1}, {@code 0177.0.0.1}: hex and octal parts),
 * so no spelling slips past; a host in brackets is an IPv6 literal (an IPv4-mapped one reads as its
 * IPv4 address). A host name is no literal: it is never resolved here.
 */
public final class HostLiterals {
    private HostLiterals() {}

    /**
     * Why a request to {@code host} must never be made although the user allowed every host —
     * {@code "link-local"} (169.254.0.0/16 and fe80::/10: cloud metadata services live there),
     * {@code "unspecified"} (0.0.0.0/8 and ::, which connect to this machine), {@code "multicast"}
     * — or null when {@code host} is a name or any other address.
     */
    public static String forbidden(String host) {
        for (InetAddress a : readings(host)) {
            if (a.isLinkLocalAddress()) {
                return "link-local";
            }
            if (a.isAnyLocalAddress() || a instanceof Inet4Address && a.getAddress()[0] == 0) {
                return "unspecified";
            }
            if (a.isMulticastAddress()) {
                return "multicast";
            }
        }
        return null;
    }

    /** Whether {@code host} is an IP literal in some reading. */
    public static boolean isLiteral(String host) {
        return !readings(host).isEmpty();
    }

    private static List<InetAddress> readings(String host) {
        List<InetAddress> out = new ArrayList<>(2);
        if (host == null || host.isEmpty()) {
            return out;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            add(out, () -> InetAddress.ofLiteral(host.substring(1, host.length() - 1)));
            return out;
        }
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        add(out, () -> Inet4Address.ofLiteral(h));
        add(out, () -> Inet4Address.ofPosixLiteral(h));
        return out;
    }

    private interface Reading {
        InetAddress read();
    }

    private static void add(List<InetAddress> out, Reading reading) {
        try {
            out.add(reading.read());
        } catch (IllegalArgumentException notALiteral) {
            // a name, or not this spelling of an address
        }
    }
}
