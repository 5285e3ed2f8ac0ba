package dev.fanoutbench.bench.run;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** A load tool must not be aimed at someone's production by a typo: loopback only, unless asked. */
public final class LoopbackGuard {

    private LoopbackGuard() {}

    /**
     * Checks the target and returns it with its host resolved to the address that was checked, so
     * that every later resolver (the forks', Netty's, which reads "127.1" as a DNS name) talks to
     * the same address.
     *
     * @throws IllegalArgumentException naming the target and the way to allow it
     */
    public static URI require(URI target, boolean allowRemote, String flag) {
        String host = hostOf(target);
        int port = portOf(target);
        if (host == null || !"http".equals(target.getScheme()) || port < 1 || port > 65_535) {
            throw new IllegalArgumentException("target " + target + " is not an http://host:port URL");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("target " + target + ": unknown host " + host);
        }
        if (!allowRemote) {
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException("target " + target + " is not on this machine ("
                            + address.getHostAddress() + "); pass " + flag + " if you really mean to send load there");
                }
            }
        }
        String path = target.getPath() == null || target.getPath().isEmpty() ? "/" : target.getPath();
        try {
            return new URI("http", null, addresses[0].getHostAddress(), port, path, null, null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("target " + target + " is not an http://host:port URL");
        }
    }

    /**
     * The host, also where java.net.URI finds none ("127.1" is not a host name to it, but is an address to the
     * resolver).
     */
    private static String hostOf(URI target) {
        if (target.getHost() != null) {
            return target.getHost();
        }
        String authority = target.getRawAuthority();
        if (authority == null || authority.contains("@") || authority.startsWith("[")) {
            return null;
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    private static int portOf(URI target) {
        if (target.getPort() >= 0 || target.getHost() != null) {
            return target.getPort();
        }
        String authority = target.getRawAuthority();
        int colon = authority == null ? -1 : authority.lastIndexOf(':');
        try {
            return colon < 0 ? -1 : Integer.parseInt(authority.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
