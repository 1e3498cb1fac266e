using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Domain.Sharing;

internal sealed class ContactOptOutConfiguration : IEntityTypeConfiguration<ContactOptOut>
{
    public void Configure(EntityTypeBuilder<ContactOptOut> builder)
    {
        builder.HasKey(o => o.PhoneNumber);
        builder.Property(o => o.PhoneNumber).HasMaxLength(20);
        builder.Property(o => o.Source).HasMaxLength(100);
    }
}
