using ClinicPortal.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Domain.Sharing;

internal sealed class ProgressShareConfiguration : IEntityTypeConfiguration<ProgressShare>
{
    public void Configure(EntityTypeBuilder<ProgressShare> builder)
    {
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Reason).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.RecipientPhone).HasMaxLength(20);
        builder.Property(s => s.ConsentVersion).HasMaxLength(20);
        builder.Property(s => s.ErrorCode).HasMaxLength(100);
        builder.Property(s => s.ErrorMessage).HasMaxLength(2000);
        builder.Property(s => s.ProviderMessageId).HasMaxLength(64);

        builder.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);

        // Exactly one share per note, enforced by the database.
        builder.HasIndex(s => s.NoteId).IsUnique().HasDatabaseName("IX_ProgressShares_NoteId");

        // The dispatcher looks for pending shares in id order.
        builder.HasIndex(s => new { s.Status, s.Id }).HasDatabaseName("IX_ProgressShares_Status_Id");

        // The share log lists newest first.
        builder.HasIndex(s => s.CreatedAtUtc).HasDatabaseName("IX_ProgressShares_CreatedAtUtc");
    }
}
