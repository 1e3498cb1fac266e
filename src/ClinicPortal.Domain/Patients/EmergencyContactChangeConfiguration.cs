using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Domain.Patients;

internal sealed class EmergencyContactChangeConfiguration : IEntityTypeConfiguration<EmergencyContactChange>
{
    public const string TableName = "EmergencyContactChanges";

    public void Configure(EntityTypeBuilder<EmergencyContactChange> builder)
    {
        builder.ToTable(TableName);
        builder.Property(c => c.ChangedByUserId).IsRequired();
        builder.Property(c => c.OldName).HasMaxLength(PatientProfileService.MaxNameLength);
        builder.Property(c => c.NewName).HasMaxLength(PatientProfileService.MaxNameLength);
        builder.Property(c => c.OldPhoneMasked).HasMaxLength(20);
        builder.Property(c => c.NewPhoneMasked).HasMaxLength(20);

        // A patient's contact history is read in time order.
        builder.HasIndex(c => new { c.PatientId, c.ChangedAtUtc }).HasDatabaseName("IX_EmergencyContactChanges_PatientId_ChangedAtUtc");
    }
}
