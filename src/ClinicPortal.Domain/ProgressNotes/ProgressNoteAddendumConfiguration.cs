using ClinicPortal.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Domain.ProgressNotes;

internal sealed class ProgressNoteAddendumConfiguration : IEntityTypeConfiguration<ProgressNoteAddendum>
{
    public void Configure(EntityTypeBuilder<ProgressNoteAddendum> builder)
    {
        builder.ToTable("ProgressNoteAddenda");
        builder.Property(a => a.AuthorUserId).IsRequired().HasMaxLength(450);
        builder.Property(a => a.Text).IsRequired().HasMaxLength(ProgressNoteAddendum.MaxTextLength);
        builder.Property(a => a.ContentHash).IsRequired().HasMaxLength(64);

        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.AuthorUserId).OnDelete(DeleteBehavior.Restrict);

        // A note's addenda are shown in the order they were added.
        builder.HasIndex(a => new { a.NoteId, a.Id }).HasDatabaseName("IX_ProgressNoteAddenda_NoteId_Id");
    }
}
