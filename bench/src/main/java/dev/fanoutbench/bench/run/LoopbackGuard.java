package dev.fanoutbench.bench.run;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** A load tool must not be aimed at someone's production by a typo: loopback only, unless asked. */
public final class LoopbackGuard {

    private LoopbackGuard() {}

    /** @throws IllegalArgumentException naming the target and the way to allow it */
    public static void require(URI target, boolean allowRemote, String flag) {
        if (target.getHost() == null || !"http".equals(target.getScheme())) {
            throw new IllegalArgumentException("target " + target + " is not an http://host:port URL");
        }
        if (allowRemote) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(target.getHost())) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException("target " + target + " is not on this machine (" + address.getHostAddress()
                            + "); pass " + flag + " if you really mean to send load there");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("target " + target + ": unknown host " + target.getHost());
        }
    }
}
