using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Domain.Patients;

internal sealed class ConsentHistoryEntryConfiguration : IEntityTypeConfiguration<ConsentHistoryEntry>
{
    public const string TableName = "ConsentHistory";

    public void Configure(EntityTypeBuilder<ConsentHistoryEntry> builder)
    {
        builder.ToTable(TableName);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Version).HasMaxLength(20);
        builder.Property(e => e.RecordedByUserId).IsRequired();
        builder.Property(e => e.Method).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Note).HasMaxLength(SharingConsentService.MaxNoteLength);

        // A patient's history is read in time order.
        builder.HasIndex(e => new { e.PatientId, e.RecordedAtUtc }).HasDatabaseName("IX_ConsentHistory_PatientId_RecordedAtUtc");
    }
}
