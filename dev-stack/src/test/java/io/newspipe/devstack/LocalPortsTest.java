package io.newspipe.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class LocalPortsTest {

    @Test
    void givenTheKernelsEphemeralRange_whenAFreePortIsChosen_thenItIsBelowThatRangeAndBindable() throws Exception {
        int ephemeralStart = LocalPorts.ephemeralRangeStart();

        int port = LocalPorts.free();

        assertThat(port).isBetween(10_000, ephemeralStart - 1);
        try (ServerSocket socket = new ServerSocket(port, 0, InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
            assertThat(LocalPorts.bindable(port)).as("a port in use is not offered").isFalse();
        }
    }
}
