package dev.byline.webhook;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where pending callbacks are kept until delivered: a node's disk ({@link FileCallbackStore}) or, with
 * {@code byline.index.backend=solr}, SolrCloud ({@link SolrCallbackStore}), where any node may deliver a callback.
 * Cluster-wide, the node working on a callback <em>holds</em> it (a lease): until the lease passes, no other node
 * takes it; a node that dies stops renewing, and another takes the callback over once its lease has passed.
 */
interface CallbackStore {

    /** Records a new callback durably, held by this node. */
    void add(PendingCallback p) throws IOException;

    /**
     * Takes a callback for an attempt: its latest state, now held by this node.
     * @return empty when it was delivered or given up meanwhile, or another node holds it
     */
    Optional<PendingCallback> claim(PendingCallback p) throws IOException;

    /**
     * Extends this node's hold while it works on a callback, and before it sends one.
     * @return false when another node took it over (or it was delivered meanwhile)
     */
    boolean renew(PendingCallback p) throws IOException;

    /**
     * Keeps an attempt's progress (the answer, attempts, the next attempt's time), held by this node until that
     * next attempt is due (and a lease after).
     * @return false when another node took it over: this node must then leave it alone
     */
    boolean save(PendingCallback p) throws IOException;

    void delete(String id) throws IOException;

    /** Pending callbacks no node holds (on a node's disk: all of them), for this node to take. */
    List<PendingCallback> due() throws IOException;

    /** How many callbacks are pending. */
    long count();

    /** Whether other nodes share these callbacks: holds must then be renewed, and the store swept for callbacks to take over. */
    default boolean shared() {
        return false;
    }
}
