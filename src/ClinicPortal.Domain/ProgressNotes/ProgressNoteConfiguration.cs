using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Domain.ProgressNotes;

internal sealed class ProgressNoteConfiguration : IEntityTypeConfiguration<ProgressNote>
{
    public void Configure(EntityTypeBuilder<ProgressNote> builder)
    {
        builder.Property(n => n.PsychologistId).IsRequired();
        builder.Property(n => n.Subjective).HasMaxLength(ProgressNoteValidator.MaxFieldLength);
        builder.Property(n => n.Objective).HasMaxLength(ProgressNoteValidator.MaxFieldLength);
        builder.Property(n => n.Assessment).HasMaxLength(ProgressNoteValidator.MaxFieldLength);
        builder.Property(n => n.Plan).HasMaxLength(ProgressNoteValidator.MaxFieldLength);
        builder.Property(n => n.SignedByUserId).HasMaxLength(450);
        builder.Property(n => n.ContentHash).HasMaxLength(64);
        builder.Ignore(n => n.IsSigned);
        builder.Ignore(n => n.Content);

        builder.HasOne<Patient>().WithMany().HasForeignKey(n => n.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.PsychologistId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Addenda).WithOne().HasForeignKey(a => a.NoteId).OnDelete(DeleteBehavior.Restrict);

        // A psychologist's own notes, and the foreign key to their account.
        builder.HasIndex(n => n.PsychologistId).HasDatabaseName("IX_ProgressNotes_PsychologistId");
        builder.HasOne(n => n.Share).WithOne().HasForeignKey<ProgressShare>(s => s.NoteId).OnDelete(DeleteBehavior.Restrict);

        // A patient's notes are listed newest session first.
        builder.HasIndex(n => new { n.PatientId, n.SessionDateUtc }).HasDatabaseName("IX_ProgressNotes_PatientId_SessionDateUtc");
    }
}
