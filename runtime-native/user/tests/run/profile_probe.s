; timer.profile fires on every CPU: only stapvm.ko places it
.func h ret=void
  retv
.end
.probe timer_profile h pp=timer.profile
