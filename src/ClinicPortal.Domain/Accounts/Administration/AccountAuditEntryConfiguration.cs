using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Domain.Accounts;

internal sealed class AccountAuditEntryConfiguration : IEntityTypeConfiguration<AccountAuditEntry>
{
    public void Configure(EntityTypeBuilder<AccountAuditEntry> builder)
    {
        builder.ToTable("AccountAuditLog");
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.Property(e => e.TargetUserId).HasMaxLength(450);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Detail).HasMaxLength(500);

        // The admin page lists the newest entries first.
        builder.HasIndex(e => e.OccurredAtUtc).HasDatabaseName("IX_AccountAuditLog_OccurredAtUtc");
    }
}
