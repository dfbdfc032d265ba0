package dev.byline.index.solr;

import dev.byline.index.IndexMismatchException;
import dev.byline.index.LuceneIndex;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.util.ContentStreamBase;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Byline's collection at start-up: created with Byline's configset (uploaded when missing) when the
 * collection is missing; checked when present, like the embedded index's commit data: schema version
 * (the schema's name), embedding model and dimension (a meta document), so that Byline never searches
 * vectors of another model.
 */
final class SolrCollections {

    private static final Logger LOG = Logger.getLogger(SolrCollections.class);
    /** The configset under {@code src/main/resources}; its name carries the schema version. */
    static final String CONFIGSET = "byline-" + LuceneIndex.SCHEMA_VERSION;
    private static final List<String> CONFIG_FILES = List.of("schema.xml", "solrconfig.xml");
    static final String META_ID = "meta:byline";

    private SolrCollections() {
    }

    /** Creates {@code collection} when missing, then checks it was built for this schema, model and dimension. */
    static void prepare(CloudSolrClient client, String collection, int shards, int replicas, String modelId, int dimension)
            throws SolrServerException, IOException, InterruptedException {
        ensure(client, collection, CONFIGSET, "byline", shards, replicas);
        check(client, collection, modelId, dimension);
    }

    /**
     * Creates {@code collection} with {@code configset} (uploaded from {@code src/main/resources/solr/<folder>}
     * when ZooKeeper lacks it) unless it exists, then waits until every shard has a leader.
     */
    static void ensure(CloudSolrClient client, String collection, String configset, String folder, int shards, int replicas)
            throws SolrServerException, IOException, InterruptedException {
        if (!CollectionAdminRequest.listCollections(client).contains(collection)) {
            if (!new ConfigSetAdminRequest.List().process(client).getConfigSets().contains(configset)) {
                upload(client, configset, folder);
            }
            LOG.infof("Creating SolrCloud collection %s: %d shards, %d replicas each", collection, shards, replicas);
            try {
                CollectionAdminRequest.createCollection(collection, configset, shards, replicas).process(client);
            } catch (SolrException e) {
                // Another Byline node starting at the same moment created it first.
                if (!CollectionAdminRequest.listCollections(client).contains(collection)) {
                    throw e;
                }
            }
        }
        waitUntilActive(client, collection);
    }

    private static void upload(CloudSolrClient client, String configset, String folder) throws SolrServerException, IOException {
        ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload();
        upload.setConfigSetName(configset);
        upload.setUploadStream(new ContentStreamBase.ByteArrayStream(zip(folder), configset + ".zip", "application/zip"));
        try {
            upload.process(client);
            LOG.infof("Uploaded configset %s to ZooKeeper", configset);
        } catch (SolrException e) {
            // Another Byline node starting at the same moment uploaded it first.
            if (!new ConfigSetAdminRequest.List().process(client).getConfigSets().contains(configset)) {
                throw e;
            }
        }
    }

    /** A configset's files, from the classpath, as the zip Solr's configset API takes. */
    static byte[] zip(String folder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : CONFIG_FILES) {
                String path = "solr/" + folder + "/" + file;
                try (InputStream in = SolrCollections.class.getResourceAsStream("/" + path)) {
                    if (in == null) {
                        throw new IllegalStateException("configset file missing from the build: " + path);
                    }
                    zip.putNextEntry(new ZipEntry(file));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void waitUntilActive(CloudSolrClient client, String collection) throws InterruptedException {
        try {
            ZkClientClusterStateProvider.from(client).getZkStateReader().waitForState(collection, 60L, TimeUnit.SECONDS, (DocCollection c) -> c != null && c.getActiveSlices().size() == c.getSlices().size()
                    && c.getSlices().stream().allMatch(s -> s.getLeader() != null));
        } catch (TimeoutException e) {
            throw new IllegalStateException("SolrCloud collection " + collection + " has a shard without a leader after 60 s", e);
        }
    }

    private static void check(CloudSolrClient client, String collection, String modelId, int dimension)
            throws SolrServerException, IOException {
        String schema = new SchemaRequest.SchemaName().process(client, collection).getSchemaName();
        expect(collection, "schema", schema, CONFIGSET);
        Object dims = new SchemaRequest.FieldType("vector384").process(client, collection).getFieldType().getAttributes().get("vectorDimension");
        expect(collection, "byline.embedding-dimension", String.valueOf(dims), Integer.toString(dimension));
        String expected = meta(modelId, dimension);
        SolrDocument meta = client.getById(collection, META_ID);
        if (meta == null) {
            SolrInputDocument d = new SolrInputDocument();
            d.setField(SolrDocuments.ID, META_ID);
            d.setField(SolrDocuments.TYPE, SolrDocuments.TYPE_META);
            d.setField(SolrDocuments.META, expected);
            UpdateRequest write = new UpdateRequest();
            write.add(d);
            write.setAction(UpdateRequest.ACTION.COMMIT, true, true, true);
            write.process(client, collection);
            return;
        }
        expect(collection, "byline.embedding-model", String.valueOf(meta.getFirstValue(SolrDocuments.META)), expected);
    }

    private static String meta(String modelId, int dimension) {
        return "schema=" + LuceneIndex.SCHEMA_VERSION + ";model=" + modelId + ";dimension=" + dimension;
    }

    private static void expect(String collection, String key, String found, String expected) {
        if (!expected.equals(found)) {
            throw new IndexMismatchException(collection, key, found, expected);
        }
    }
}
