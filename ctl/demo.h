/* obctl demo: the synthetic demo dataset (issue 3.9). */
#ifndef OB_DEMO_H
#define OB_DEMO_H

int cmd_demo(int argc, char **argv);

#endif
