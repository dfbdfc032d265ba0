package dev.byline.tools.scale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerMemoryTest {

    private static final String METRICS = """
            # HELP jvm_memory_used_bytes The amount of used memory
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap",id="G1 Survivor Space"} 4194304.0
            jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 1.2345678E8
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
            jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 0.0
            jvm_memory_committed_bytes{area="heap",id="G1 Old Gen"} 5.0E8
            jvm_memory_used_bytes_total{area="heap"} 1.0E12
            # jvm_memory_used_bytes{area="heap",id="commented"} 1.0E12
            jvm_memory_used_bytes{id="G1 Old Gen", area="heap"} 1000
            jvm_memory_used_bytes{area="heap",id="broken"} lots
            """;

    @Test
    void should_sum_the_heap_pools_and_nothing_else() {
        assertThat(ServerMemory.heapUsed(METRICS)).isEqualTo(4_194_304L + 123_456_780L + 1_000L);
    }

    @Test
    void should_say_when_the_metrics_hold_no_heap_figure() {
        assertThatThrownBy(() -> ServerMemory.heapUsed("jvm_memory_used_bytes{area=\"nonheap\"} 5\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jvm_memory_used_bytes");
    }

    @Test
    void should_read_the_resident_set_from_proc_status() {
        String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  524288 kB\nThreads:\t42\n";

        assertThat(ServerMemory.vmRss(status)).isEqualTo(524_288L * 1024);
        assertThat(ServerMemory.vmRss("Name:\tjava\n")).isEqualTo(-1);
        assertThat(ServerMemory.vmRss("VmRSS:\t99999999999999999999 kB\n")).isEqualTo(-1);
    }
}
