using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Domain.Sharing;

internal sealed class ShareAttemptConfiguration : IEntityTypeConfiguration<ShareAttempt>
{
    public void Configure(EntityTypeBuilder<ShareAttempt> builder)
    {
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.RecipientPhone).HasMaxLength(20);
        builder.Property(a => a.ErrorCode).HasMaxLength(100);
        builder.Property(a => a.ErrorMessage).HasMaxLength(2000);

        // A share's attempts are read in order; the health check reads the newest attempts.
        builder.HasIndex(a => new { a.ShareId, a.Number }).IsUnique().HasDatabaseName("IX_ShareAttempts_ShareId_Number");
        builder.HasIndex(a => a.StartedAtUtc).HasDatabaseName("IX_ShareAttempts_StartedAtUtc");
    }
}
