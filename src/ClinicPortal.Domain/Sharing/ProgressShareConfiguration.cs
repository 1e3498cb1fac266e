using ClinicPortal.Domain.ProgressNotes;
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
        builder.Property(s => s.WithheldReason).HasMaxLength(ShareChoice.MaxWithheldReasonLength);
        builder.Property(s => s.RecipientPhone).HasMaxLength(20);
        builder.Property(s => s.ConsentVersion).HasMaxLength(20);
        builder.Property(s => s.ErrorCode).HasMaxLength(100);
        builder.Property(s => s.ErrorMessage).HasMaxLength(2000);
        builder.Property(s => s.ProviderMessageId).HasMaxLength(64);
        builder.Property(s => s.LeaseOwner).HasMaxLength(200);
        builder.Property(s => s.PsychologistId).HasMaxLength(450);

        builder.HasMany(s => s.Attempts).WithOne().HasForeignKey(a => a.ShareId).OnDelete(DeleteBehavior.Restrict);

        builder.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);

        // Exactly one share per note, enforced by the database.
        builder.HasIndex(s => s.NoteId).IsUnique().HasDatabaseName("IX_ProgressShares_NoteId");

        // The dispatcher looks for pending shares in id order.
        builder.HasIndex(s => new { s.Status, s.Id }).HasDatabaseName("IX_ProgressShares_Status_Id");

        // Status callbacks find their share by Twilio's message SID.
        builder.HasIndex(s => s.ProviderMessageId).HasDatabaseName("IX_ProgressShares_ProviderMessageId");

        // The share log lists newest first, and its date range filter is a range on this column.
        // SQLite appends the row id (the Id key) to every index, so the order "CreatedAtUtc, Id"
        // is read straight from it, without a sort.
        builder.HasIndex(s => s.CreatedAtUtc).HasDatabaseName("IX_ProgressShares_CreatedAtUtc");

        // The share log filtered by status, newest first: the first page reads 25 entries of this
        // index instead of sorting every share with that status. The count reads it too.
        builder.HasIndex(s => new { s.Status, s.CreatedAtUtc }).HasDatabaseName("IX_ProgressShares_Status_CreatedAtUtc");

        // The same for the reason filter. Most shares have no reason, so the index is mostly NULLs,
        // which SQLite stores compactly and a "Reason = value" search skips.
        builder.HasIndex(s => new { s.Reason, s.CreatedAtUtc }).HasDatabaseName("IX_ProgressShares_Reason_CreatedAtUtc");

        // The share log filtered by the psychologist who wrote the note, newest first. Without
        // the copied column, the filter was a subquery on notes, and SQLite ran it by sorting every
        // share of that psychologist: 77 ms for 18,000 of a million shares (docs/benchmarks.md).
        builder.HasIndex(s => new { s.PsychologistId, s.CreatedAtUtc }).HasDatabaseName("IX_ProgressShares_PsychologistId_CreatedAtUtc");

        // The share log filtered by patient (and by a name search, which becomes a list of
        // patients), newest first. It also serves the foreign key to Patients and the patient's
        // own list of what was shared, so it replaces the single-column index on PatientId.
        builder.HasIndex(s => new { s.PatientId, s.CreatedAtUtc }).HasDatabaseName("IX_ProgressShares_PatientId_CreatedAtUtc");
    }
}
