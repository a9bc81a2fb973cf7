package nl.retentiewerkboek.imports;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One participant's uploaded data for one worksheet: the summary and the derived payload. */
@Entity
@Table(name = "customer_data")
class CustomerData {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(nullable = false, length = 50)
    private String worksheet;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "rows_read", nullable = false)
    private long rowsRead;

    @Column(name = "rows_rejected", nullable = false)
    private long rowsRejected;

    @Column(nullable = false)
    private long customers;

    @Column(name = "latest_date")
    private LocalDate latestDate;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] payload;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    protected CustomerData() {}

    CustomerData(long ownerId, String worksheet) {
        this.ownerId = ownerId;
        this.worksheet = worksheet;
    }

    void replace(
            String fileName,
            long rowsRead,
            long rowsRejected,
            long customers,
            LocalDate latestDate,
            byte[] payload,
            Instant importedAt) {
        this.fileName = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        this.rowsRead = rowsRead;
        this.rowsRejected = rowsRejected;
        this.customers = customers;
        this.latestDate = latestDate;
        this.payload = payload;
        this.importedAt = importedAt;
    }

    long getOwnerId() {
        return ownerId;
    }

    String getFileName() {
        return fileName;
    }

    long getRowsRead() {
        return rowsRead;
    }

    long getRowsRejected() {
        return rowsRejected;
    }

    long getCustomers() {
        return customers;
    }

    LocalDate getLatestDate() {
        return latestDate;
    }

    byte[] getPayload() {
        return payload;
    }

    Instant getImportedAt() {
        return importedAt;
    }
}
